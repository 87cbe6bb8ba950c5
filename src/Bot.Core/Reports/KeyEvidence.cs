using Bot.Core.Diagnosis;

namespace Bot.Core.Reports;

/// <summary>
/// Picks, from a step's evidence, what one link of the cause chain rests on: the requests whose
/// request or answer holds one of the link's marks (at most two), else the step's last request,
/// which is where a step ends up. Each answer keeps the marked lines, else its first, at most two.
/// </summary>
internal static class KeyEvidence
{
    private const int MaxItems = 2;
    private const int MaxLines = 2;
    private const int MaxLineLength = 120;

    public static IReadOnlyList<ReportEvidence> For(CauseLink link, IReadOnlyList<ReportEvidence> evidence)
    {
        var marked = evidence.Where(e => Marked(link, e.Request) || Marked(link, e.Answer)).Take(MaxItems).ToList();
        var key = marked.Count > 0 ? marked : evidence.TakeLast(1).ToList();
        return [.. key.Select(e => e with { Answer = Salient(link, e.Answer) })];
    }

    private static string Salient(CauseLink link, string answer)
    {
        var lines = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var marked = lines.Where(l => Marked(link, l)).ToList();
        var kept = (marked.Count > 0 ? marked : [.. lines]).Take(MaxLines).Select(Clip);
        return string.Join('\n', kept);
    }

    private static bool Marked(CauseLink link, string text) =>
        link.Marks.Any(m => text.Contains(m, StringComparison.Ordinal));

    private static string Clip(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + " …";
}

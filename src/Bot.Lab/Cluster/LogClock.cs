using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Lab.Cluster;

/// <summary>
/// When each line of a simulated container log was written, as the kubelet would have stamped it:
/// at the time the line itself states (logrus <c>time="…"</c> or a leading RFC 3339 time), else at
/// the previous line's, never before the container started and never after now. The API server's
/// <c>sinceSeconds</c> and <c>timestamps</c> work on these times.
/// </summary>
public static partial class LogClock
{
    public static IReadOnlyList<(DateTimeOffset At, string Line)> Stamp(
        string text, DateTimeOffset started, DateTimeOffset now)
    {
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var stamped = new List<(DateTimeOffset, string)>(count);
        var previous = started;
        foreach (var line in lines.Take(count))
        {
            var at = OwnTime(line) ?? previous;
            at = at < started ? started : at > now ? now : at;
            stamped.Add((at, line));
            previous = at;
        }

        return stamped;
    }

    /// <summary>RFC 3339 with nanoseconds, the way the API server prefixes a line for <c>timestamps=true</c>.</summary>
    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? OwnTime(string line)
    {
        var match = Logrus().Match(line);
        if (!match.Success)
            match = Leading().Match(line);
        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        return match.Success && DateTimeOffset.TryParse(
            match.Groups["t"].Value, CultureInfo.InvariantCulture, styles, out var at)
            ? at
            : null;
    }

    [GeneratedRegex("time=\"(?<t>[^\"]+)\"")]
    private static partial Regex Logrus();

    [GeneratedRegex(@"^(?<t>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))\s")]
    private static partial Regex Leading();
}

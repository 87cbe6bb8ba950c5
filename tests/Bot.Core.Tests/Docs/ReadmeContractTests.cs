using System.Text.RegularExpressions;
using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Tests.Support;

namespace Bot.Core.Tests.Docs;

/// <summary>
/// The README documents the JSON report's closed sets; scripts are written against it. These
/// fail when an enum and the README part ways, in either direction.
/// </summary>
public sealed partial class ReadmeContractTests
{
    private static readonly string[] Readme =
        File.ReadAllText(RepositoryFiles.PathOf("README.md")).ReplaceLineEndings("\n").Split('\n');

    [Fact]
    public void RootCauseTable_ListsExactlyTheRootCauseCodes()
    {
        var heading = Array.FindIndex(Readme, l => l.StartsWith("Root-cause `code`s", StringComparison.Ordinal));
        Assert.True(heading >= 0, "README has no \"Root-cause `code`s\" paragraph");

        var documented = Readme.Skip(heading + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => TableCode().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["code"].Value);

        Assert.Equal(Kebab<RootCauseCode>(), documented.Order());
    }

    [Fact]
    public void StepNamesAndStatuses_MatchTheEnums()
    {
        var paragraph = Paragraph("Step `name`s:");
        var statusAt = paragraph.IndexOf("Step `status`:", StringComparison.Ordinal);
        Assert.True(statusAt > 0, "README's step paragraph has no \"Step `status`:\" part");

        Assert.Equal(Kebab<StepName>(), Quoted(paragraph[..statusAt]).Order());
        Assert.Equal(Kebab<StepStatus>(), Quoted(paragraph[(statusAt + "Step `status`:".Length)..]).Order());
    }

    private static string Paragraph(string start)
    {
        var first = Array.FindIndex(Readme, l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(first >= 0, $"README has no paragraph starting \"{start}\"");
        var lines = Readme.Skip(first).TakeWhile(l => l.Trim().Length > 0);
        return string.Join(' ', lines)[start.Length..];
    }

    private static IEnumerable<string> Quoted(string text) =>
        Backticked().Matches(text).Select(m => m.Groups["word"].Value);

    private static IEnumerable<string> Kebab<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => KebabCase.Of(v)).Order();

    [GeneratedRegex(@"^\|\s*`(?<code>[^`]+)`\s*\|")]
    private static partial Regex TableCode();

    [GeneratedRegex("`(?<word>[^`]+)`")]
    private static partial Regex Backticked();
}

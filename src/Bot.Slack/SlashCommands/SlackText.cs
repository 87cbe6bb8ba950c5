using System.Text.RegularExpressions;

namespace Bot.Slack.SlashCommands;

/// <summary>
/// Splits a command's <c>text</c> into words, reading Slack's escaped forms: <c>&lt;@U…|name&gt;</c>,
/// <c>&lt;#C…|name&gt;</c> (name may be empty for private channels), <c>&lt;!subteam^S…|@handle&gt;</c>
/// and <c>&lt;https://…|label&gt;</c>, and the three HTML entities Slack escapes.
/// </summary>
public static partial class SlackText
{
    public static IReadOnlyList<SlackTextToken> Tokenize(string? text)
    {
        var tokens = new List<SlackTextToken>();
        foreach (Match match in Word().Matches(text ?? ""))
        {
            var word = match.Value;
            tokens.Add(word.Length > 2 && word[0] == '<' && word[^1] == '>'
                ? Escaped(word[1..^1])
                : new SlackTextToken(SlackTextTokenKind.Plain, Unentity(word)));
        }

        return tokens;
    }

    /// <summary>
    /// Escapes text that came from people or remote systems before it goes into mrkdwn, so it can
    /// never become a mention, a channel ping or a link Slack did not see typed.
    /// </summary>
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private static SlackTextToken Escaped(string inner)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? inner : inner[..bar];
        var label = bar < 0 ? null : Unentity(inner[(bar + 1)..]);

        if (target.StartsWith('@'))
            return new SlackTextToken(SlackTextTokenKind.User, target[1..], label);
        if (target.StartsWith('#'))
        {
            var name = string.IsNullOrEmpty(label) ? null : label;
            return new SlackTextToken(SlackTextTokenKind.Channel, target[1..], name);
        }

        if (target.StartsWith("!subteam^", StringComparison.Ordinal))
            return new SlackTextToken(SlackTextTokenKind.Usergroup, target["!subteam^".Length..], label);

        return new SlackTextToken(SlackTextTokenKind.Link, Unentity(target), label);
    }

    private static string Unentity(string value) =>
        value.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    // An escaped form may hold a space in its label (<https://x|two words>), so it is one word.
    [GeneratedRegex(@"<[^<>]*>|[^\s]+")]
    private static partial Regex Word();
}

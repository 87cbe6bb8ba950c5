namespace Bot.Slack.SlashCommands;

/// <summary>One word of a command's text, with Slack's escaping undone.</summary>
/// <param name="Kind">Plain text, a user, a channel, a usergroup or a link.</param>
/// <param name="Value">The word, the id (<c>U…</c>, <c>C…</c>, <c>S…</c>) or the URL.</param>
/// <param name="Label">The name or label Slack showed, when it sent one.</param>
public sealed record SlackTextToken(SlackTextTokenKind Kind, string Value, string? Label = null);

using Bot.Slack.Blocks;

namespace Bot.Slack.WebApi;

/// <summary>
/// Message content for <c>chat.*</c>. <see cref="Text"/> is always sent, blocks or not: it is what
/// notifications and screen readers use.
/// </summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block>? Blocks = null);

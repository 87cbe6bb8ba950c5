namespace Bot.Slack.Blocks;

/// <summary>Large plain text at the top of a message; at most 150 characters.</summary>
public sealed record HeaderBlock(TextObject Text) : Block;

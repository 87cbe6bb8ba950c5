namespace Bot.Slack.Blocks;

/// <summary>A row of buttons; at most 25 elements.</summary>
public sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : Block;

namespace Bot.Slack.Blocks;

public sealed record DividerBlock : Block;

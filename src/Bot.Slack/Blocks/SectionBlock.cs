namespace Bot.Slack.Blocks;

/// <summary>A paragraph of text; at most 3000 characters.</summary>
public sealed record SectionBlock(TextObject Text) : Block;

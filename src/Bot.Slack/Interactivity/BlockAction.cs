using Bot.Slack.Blocks;

namespace Bot.Slack.Interactivity;

/// <summary>
/// One element that was used. Route on <see cref="ActionId"/>; <see cref="Value"/> is a lookup key, never proof of
/// authority.
/// </summary>
public sealed record BlockAction
{
    public string Type { get; init; } = "";

    public string ActionId { get; init; } = "";

    public string? BlockId { get; init; }

    public string? Value { get; init; }

    public TextObject? Text { get; init; }

    public string? ActionTs { get; init; }
}

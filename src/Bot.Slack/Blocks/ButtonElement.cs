namespace Bot.Slack.Blocks;

/// <summary>A button. Text at most 75 characters, <c>action_id</c> 255, <c>value</c> 2000.</summary>
public sealed record ButtonElement(TextObject Text, string ActionId)
{
    public string Type { get; } = "button";

    public string? Value { get; init; }

    /// <summary><c>primary</c> (at most one per set) or <c>danger</c>; null for the default look.</summary>
    public string? Style { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

namespace Bot.Slack.Interactivity;

/// <summary>A click on a button (or another block element) in a message, a modal or the Home tab.</summary>
public sealed class BlockActionsPayload : InteractionPayload
{
    public InteractionContainer? Container { get; init; }

    public InteractionChannel? Channel { get; init; }

    /// <summary>The source message; absent for modals and Home, and in some SDK recordings.</summary>
    public InteractionMessage? Message { get; init; }

    public IReadOnlyList<BlockAction> Actions { get; init; } = [];
}

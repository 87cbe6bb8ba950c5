using Bot.Slack.Interactivity;

namespace Bot.Slack.SocketMode;

/// <summary>
/// A click or other interaction over the socket; plain JSON, not the HTTP form's <c>payload</c> field.
/// </summary>
public sealed class InteractiveEnvelope : SocketFrame
{
    public InteractionPayload Payload { get; init; } = new();
}

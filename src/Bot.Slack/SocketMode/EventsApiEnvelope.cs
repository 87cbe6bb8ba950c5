using Bot.Slack.Events;

namespace Bot.Slack.SocketMode;

/// <summary>An Events API event over the socket; a redelivery repeats the envelope id and the event id.</summary>
public sealed class EventsApiEnvelope : SocketFrame
{
    public EventCallback Payload { get; init; } = new();

    public int RetryAttempt { get; init; }

    public string? RetryReason { get; init; }
}

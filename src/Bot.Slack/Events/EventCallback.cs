namespace Bot.Slack.Events;

/// <summary>The envelope of one event. <see cref="EventId"/> is globally unique: retries repeat it.</summary>
public sealed class EventCallback : EventsApiRequest
{
    public string EventId { get; init; } = "";

    public string TeamId { get; init; } = "";

    public string? ApiAppId { get; init; }

    public long EventTime { get; init; }

    public SlackEvent Event { get; init; } = new();
}

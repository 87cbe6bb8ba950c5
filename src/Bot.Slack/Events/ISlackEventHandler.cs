namespace Bot.Slack.Events;

/// <summary>
/// Handles one event type (<c>app_mention</c>, <c>reaction_added</c>); runs after the ack, once per event id.
/// </summary>
public interface ISlackEventHandler
{
    string EventType { get; }

    Task HandleAsync(EventCallback callback, CancellationToken cancellationToken);
}

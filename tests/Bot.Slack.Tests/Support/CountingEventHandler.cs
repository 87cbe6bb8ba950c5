using Bot.Slack.Events;

namespace Bot.Slack.Tests.Support;

/// <summary>A test-only event handler that counts what reaches it.</summary>
internal sealed class CountingEventHandler(string eventType) : ISlackEventHandler
{
    private int _handled;

    public string EventType => eventType;

    public int Handled => Volatile.Read(ref _handled);

    public Task HandleAsync(EventCallback callback, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _handled);
        return Task.CompletedTask;
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Inbound;

/// <summary>
/// Work that follows an acknowledgement and need not survive a restart: events, follow-up
/// replies, "busy" answers. Bounded, so a flood cannot exhaust memory; <see cref="SlackWorkService"/>
/// drains it. Clicks go through the durable <see cref="Clicks.ClickInbox"/> instead.
/// </summary>
public sealed class SlackWorkQueue(ILogger<SlackWorkQueue> logger)
{
    public const int Capacity = 1024;

    private readonly Channel<SlackWork> _pending = Channel.CreateBounded<SlackWork>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues work without waiting; when the queue is full the work is dropped and logged.</summary>
    public bool TryEnqueue(string name, Func<CancellationToken, Task> run)
    {
        if (_pending.Writer.TryWrite(new SlackWork(name, run)))
            return true;

        SlackLog.WorkDropped(logger, name);
        return false;
    }

    internal IAsyncEnumerable<SlackWork> ReadAllAsync(CancellationToken cancellationToken) =>
        _pending.Reader.ReadAllAsync(cancellationToken);

    internal sealed record SlackWork(string Name, Func<CancellationToken, Task> Run);
}

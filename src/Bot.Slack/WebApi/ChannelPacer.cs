using Microsoft.Extensions.Options;

namespace Bot.Slack.WebApi;

/// <summary>
/// Slack allows about one message per second per channel and tolerates short bursts. Each call
/// reserves its slot under a lock (a generic cell rate: the burst may go at once, then one per
/// interval), then waits outside it, so concurrent posters queue in order without spinning.
/// </summary>
public sealed class ChannelPacer(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var interval = options.CurrentValue.PostInterval;
        var burst = Math.Max(1, options.CurrentValue.PostBurst);
        TimeSpan wait;

        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            var allowedAt = slot - (interval * (burst - 1));
            wait = allowedAt > now ? allowedAt - now : TimeSpan.Zero;
            _nextSlot[channel] = slot + interval;
        }

        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, time, cancellationToken);
    }
}

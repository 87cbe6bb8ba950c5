namespace Bot.Slack.Inbound;

/// <summary>
/// Remembers delivery ids (Socket Mode envelope ids, Events API event ids) for a while so a
/// redelivery is acknowledged but handled once. Slack retries for minutes, so ten are kept.
/// </summary>
public sealed class DeliveryDeduplicator(TimeProvider time)
{
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _byAge = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time an id is seen within <see cref="Memory"/>; false for a repeat.</summary>
    public bool TryFirstDelivery(string id)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            // Ids arrive in time order, so the oldest are always at the front.
            while (_byAge.TryPeek(out var oldest) && now - oldest.At > Memory)
                _seen.Remove(_byAge.Dequeue().Id);

            if (!_seen.Add(id))
                return false;

            _byAge.Enqueue((id, now));
            return true;
        }
    }
}

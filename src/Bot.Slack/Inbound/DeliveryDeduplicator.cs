namespace Bot.Slack.Inbound;

/// <summary>
/// Remembers delivery ids (Socket Mode envelope ids, Events API event ids) for a while so a
/// redelivery is acknowledged but handled once. Slack retries for minutes, so ten are kept. A
/// delivery whose handling failed is forgotten again, so Slack's retry is handled, not dropped.
/// </summary>
public sealed class DeliveryDeduplicator(TimeProvider time)
{
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _byAge = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time an id is seen within <see cref="Memory"/>; false for a repeat.</summary>
    public bool TryFirstDelivery(string id)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            // Ids arrive in time order, so the oldest are always at the front. An entry left
            // behind by a forgotten id must not drop the same id seen again since.
            while (_byAge.TryPeek(out var oldest) && now - oldest.At > Memory)
            {
                _byAge.Dequeue();
                if (_seen.TryGetValue(oldest.Id, out var at) && at == oldest.At)
                    _seen.Remove(oldest.Id);
            }

            if (!_seen.TryAdd(id, now))
                return false;

            _byAge.Enqueue((id, now));
            return true;
        }
    }

    /// <summary>Forgets an id whose handling failed, so its redelivery counts as a first delivery.</summary>
    public void Forget(string id)
    {
        lock (_gate)
            _seen.Remove(id);
    }
}

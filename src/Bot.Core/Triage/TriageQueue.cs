using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Bot.Core.Triage;

/// <summary>
/// Investigations waiting for a runner. Only ids travel here: the investigation itself is in the
/// store, so a queue lost in a crash is rebuilt from the unfinished investigations at start-up.
/// Room is reserved before an investigation is opened, so one is never opened and then refused.
/// </summary>
public sealed class TriageQueue
{
    /// <summary>More waiting than this and new requests are refused as busy rather than queued for hours.</summary>
    public const int Capacity = 256;

    // Unbounded underneath: the bound is kept by the reservations, which are taken before the write.
    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>();
    private int _room = Capacity;

    /// <summary>
    /// Takes a place in the queue, or null when it is full. Fill the place with
    /// <see cref="TriageQueueSlot.Enqueue"/>; disposing an unfilled slot gives the place back.
    /// </summary>
    public TriageQueueSlot? TryReserve()
    {
        var room = Volatile.Read(ref _room);
        while (room > 0)
        {
            var before = Interlocked.CompareExchange(ref _room, room - 1, room);
            if (before == room)
                return new TriageQueueSlot(this);
            room = before;
        }

        return null;
    }

    /// <summary>Queues an id that is already stored; false when the queue is full.</summary>
    public bool TryEnqueue(string investigationId)
    {
        using var slot = TryReserve();
        slot?.Enqueue(investigationId);
        return slot is not null;
    }

    /// <summary>The queued ids in order; each one read gives its place back.</summary>
    public async IAsyncEnumerable<string> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var id in _pending.Reader.ReadAllAsync(cancellationToken))
        {
            Release();
            yield return id;
        }
    }

    internal void Write(string investigationId) => _pending.Writer.TryWrite(investigationId);

    internal void Release() => Interlocked.Increment(ref _room);
}

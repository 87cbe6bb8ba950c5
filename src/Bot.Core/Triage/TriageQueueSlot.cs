namespace Bot.Core.Triage;

/// <summary>
/// A place taken in the <see cref="TriageQueue"/> before an investigation is opened. Filled once
/// with <see cref="Enqueue"/>; disposed unfilled (the open failed), the place goes back.
/// </summary>
public sealed class TriageQueueSlot : IDisposable
{
    private TriageQueue? _queue;

    internal TriageQueueSlot(TriageQueue queue) => _queue = queue;

    public void Enqueue(string investigationId)
    {
        var queue = Interlocked.Exchange(ref _queue, null)
            ?? throw new InvalidOperationException("This queue slot was already used or given back.");
        queue.Write(investigationId);
    }

    public void Dispose() => Interlocked.Exchange(ref _queue, null)?.Release();
}

using System.Threading.Channels;

namespace Bot.Core.Triage;

/// <summary>
/// Investigations waiting for a runner. Only ids travel here: the investigation itself is in the
/// store, so a queue lost in a crash is rebuilt from the unfinished investigations at start-up.
/// </summary>
public sealed class TriageQueue
{
    /// <summary>More waiting than this and new requests are refused as busy rather than queued for hours.</summary>
    public const int Capacity = 256;

    private readonly Channel<string> _pending = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(string investigationId) => _pending.Writer.TryWrite(investigationId);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) =>
        _pending.Reader.ReadAllAsync(cancellationToken);
}

using System.Buffers;
using System.Text;

namespace Bot.Kubernetes.Api;

/// <summary>
/// Reads a stream to its end but keeps only the first <c>max</c> bytes, so a huge <c>find</c>
/// output costs time (bounded by the exec timeout) but never memory.
/// </summary>
internal sealed class BoundedText(int max)
{
    private readonly ArrayBufferWriter<byte> _kept = new();

    public bool Truncated { get; private set; }

    public async Task FillAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var room = max - _kept.WrittenCount;
            if (room > 0)
                _kept.Write(buffer.AsSpan(0, Math.Min(room, read)));
            if (read > room)
                Truncated = true;
        }
    }

    public override string ToString() => Encoding.UTF8.GetString(_kept.WrittenSpan);
}

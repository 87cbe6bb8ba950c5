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
            Keep(buffer, read);
    }

    private void Keep(byte[] buffer, int read)
    {
        var room = max - _kept.WrittenCount;
        if (room > 0)
            _kept.Write(buffer.AsSpan(0, Math.Min(room, read)));
        if (read > room)
            Truncated = true;
    }

    /// <summary>
    /// Fills from a stream whose reads block (KubernetesClient's exec streams wait on a monitor
    /// even through ReadAsync) on a thread of its own, so that several execs at once never starve
    /// the thread pool. Ends when the stream ends: the exec closing, or its timeout tearing it down.
    /// </summary>
    public Task FillBlockingAsync(Stream source, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () =>
            {
                var buffer = new byte[16 * 1024];
                while (!cancellationToken.IsCancellationRequested)
                {
                    var read = source.Read(buffer, 0, buffer.Length);
                    if (read == 0)
                        return;
                    Keep(buffer, read);
                }
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    public override string ToString() => Encoding.UTF8.GetString(_kept.WrittenSpan);
}

using System.Text;

namespace Bot.GitHub.Tests.Support;

/// <summary>
/// A job log made up on the fly: timestamped noise lines up to a size, then a closing text. It is
/// never held in memory, and it samples the managed heap while it is read, so a test can tell
/// whether the reader kept the log.
/// </summary>
internal sealed class NoiseLogStream : Stream
{
    private readonly long _noiseBytes;
    private readonly byte[] _tail;
    private readonly byte[] _line;
    private long _produced;
    private int _tailPosition;
    private int _reads;

    public NoiseLogStream(long noiseBytes, string tail, bool withNewlines = true)
    {
        _noiseBytes = noiseBytes;
        _tail = Encoding.UTF8.GetBytes(tail);
        _line = Encoding.UTF8.GetBytes(withNewlines
            ? "2024-01-01T00:00:00.0000000Z #12 0.512 npm warn deprecated inflight@1.0.6: not supported\n"
            : new string('x', 100));
    }

    public long PeakManagedBytes { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _produced;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (++_reads % 64 == 0)
            PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(false));

        var written = 0;
        while (written < count && _produced < _noiseBytes)
        {
            var at = (int)(_produced % _line.Length);
            var n = (int)Math.Min(Math.Min(_line.Length - at, count - written), _noiseBytes - _produced);
            Array.Copy(_line, at, buffer, offset + written, n);
            written += n;
            _produced += n;
        }

        while (written < count && _tailPosition < _tail.Length)
            buffer[offset + written++] = _tail[_tailPosition++];

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

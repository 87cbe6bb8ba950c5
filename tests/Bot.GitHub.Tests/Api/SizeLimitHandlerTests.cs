using System.Net;
using Bot.GitHub.Api;

namespace Bot.GitHub.Tests.Api;

public sealed class SizeLimitHandlerTests
{
    private static readonly Uri LogUri = new("http://example.test/log");

    [Fact]
    public async Task Send_AnnouncedLengthOverTheLimit_ThrowsBeforeReadingTheBody()
    {
        var body = new CountingContent(new byte[2048], announceLength: true);
        using var client = new HttpClient(new SizeLimitHandler(1024, new FixedHandler(body)));

        var error = await Assert.ThrowsAsync<LogTooLargeException>(() => client.GetAsync(LogUri));

        Assert.Equal(2048, error.AnnouncedBytes);
        Assert.Equal(0, body.BytesServed);
    }

    [Fact]
    public async Task Send_UnannouncedBodyOverTheLimit_ThrowsWhileReading()
    {
        var body = new CountingContent(new byte[1024 * 1024], announceLength: false);
        using var client = new HttpClient(new SizeLimitHandler(4096, new FixedHandler(body)));

        var error = await Record.ExceptionAsync(() => client.GetStringAsync(LogUri));

        Assert.NotNull(FindTooLarge(error));
        Assert.True(body.BytesServed < 1024 * 1024, $"served {body.BytesServed} bytes");
    }

    [Fact]
    public async Task Send_BodyWithinTheLimit_PassesThroughWithItsHeaders()
    {
        var body = new CountingContent("hello"u8.ToArray(), announceLength: true);
        body.Headers.ContentType = new("text/plain");
        using var client = new HttpClient(new SizeLimitHandler(1024, new FixedHandler(body)));

        using var response = await client.GetAsync(LogUri);

        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    private static LogTooLargeException? FindTooLarge(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is LogTooLargeException found)
                return found;
        }

        return null;
    }

    private sealed class FixedHandler(HttpContent content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private sealed class CountingContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly bool _announceLength;

        public CountingContent(byte[] bytes, bool announceLength)
        {
            _bytes = bytes;
            _announceLength = announceLength;
        }

        public long BytesServed { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 1024)
            {
                var count = Math.Min(1024, _bytes.Length - offset);
                BytesServed += count;
                await stream.WriteAsync(_bytes.AsMemory(offset, count));
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() =>
            Task.FromResult<Stream>(new ServingStream(this));

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return _announceLength;
        }

        private sealed class ServingStream(CountingContent owner) : MemoryStream(owner._bytes, writable: false)
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                var read = base.Read(buffer, offset, Math.Min(count, 1024));
                owner.BytesServed += read;
                return read;
            }

            public override ValueTask<int> ReadAsync(
                Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                new(Read(buffer.Span));

            public override int Read(Span<byte> buffer)
            {
                var slice = buffer[..Math.Min(buffer.Length, 1024)];
                var read = base.Read(slice);
                owner.BytesServed += read;
                return read;
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Registry.Endpoints;
using Bot.Registry.Manifests;
using Bot.Registry.Tests.Support;

namespace Bot.Registry.Tests.Manifests;

public sealed class ManifestReaderTests
{
    private static readonly ImageReference CacheRef = Ref("registry.internal:5000/app:cache");

    [Fact]
    public async Task Inspect_CacheIndex_IsCacheIndexWithAllEntries()
    {
        var registry = Serving(Recorded.Manifest("cache-index.json"), MediaTypes.OciIndex);

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        var manifest = Assert.IsType<ManifestDocument>(inspection.Manifest);
        Assert.Equal(ManifestKinds.CacheIndex, manifest.Kind);
        Assert.Equal(Recorded.CacheIndexDigest, manifest.Digest);
        Assert.Equal(["layer", "layer", "cacheconfig"], manifest.Blobs.Select(b => b.Role));
        Assert.Equal(Recorded.CacheConfigDigest, manifest.Blobs[2].Digest);
        Assert.Equal(454, manifest.Blobs[2].Size);
        Assert.Equal("GET http://registry.test:5000/v2/app/manifests/cache", inspection.Request);
        Assert.Contains(
            $"200 {MediaTypes.OciIndex}, Docker-Content-Digest {Recorded.CacheIndexDigest}, 3 descriptors",
            inspection.Answer);
    }

    [Fact]
    public async Task Inspect_CacheImageManifest_IsCacheImageManifestWithConfigFirst()
    {
        var registry = Serving(Recorded.Manifest("cache-imgmanifest.json"), MediaTypes.OciManifest);

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(ManifestKinds.CacheImageManifest, inspection.Manifest?.Kind);
        Assert.Equal(Recorded.CacheImageManifestDigest, inspection.Manifest?.Digest);
        Assert.Equal(["cacheconfig", "layer", "layer"], inspection.Manifest!.Blobs.Select(b => b.Role));
    }

    [Fact]
    public async Task Inspect_PlainImageManifest_IsImageWithConfigAndLayers()
    {
        var registry = Serving(Recorded.Manifest("manifest.json"), MediaTypes.OciManifest);

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(ManifestKinds.Image, inspection.Manifest?.Kind);
        Assert.Equal(["config", "layer"], inspection.Manifest!.Blobs.Select(b => b.Role));
    }

    [Fact]
    public async Task Inspect_PlainIndex_IsIndexWithoutBlobs()
    {
        var body = """
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json","manifests":[
            {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":528,
             "digest":"sha256:2d597ffbc3c329a883f280901dfefe3c1495c6f43e0f9e68a27e06cd7fb59218","platform":{"os":"linux","architecture":"amd64"}}]}
            """u8.ToArray();
        var registry = Serving(body, MediaTypes.DockerManifestList);

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(ManifestKinds.Index, inspection.Manifest?.Kind);
        Assert.Empty(inspection.Manifest!.Blobs);
    }

    [Fact]
    public async Task Inspect_AnyManifest_SendsAllFourAcceptTypes()
    {
        var registry = Serving(Recorded.Manifest("cache-index.json"), MediaTypes.OciIndex);

        await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        var accept = Assert.Single(registry.Requests).Headers.Accept.Select(a => a.MediaType!).ToList();
        Assert.Equal(MediaTypes.Accepted, accept);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, Recorded.AcceptTrap, RegistryProblems.MediaTypeRefused)]
    [InlineData(HttpStatusCode.NotFound, Recorded.ManifestUnknown, RegistryProblems.ManifestUnknown)]
    [InlineData(HttpStatusCode.NotFound, "404 page not found", RegistryProblems.ManifestUnknown)]
    [InlineData(HttpStatusCode.NotFound, Recorded.NameUnknown, RegistryProblems.NameUnknown)]
    [InlineData(HttpStatusCode.Unauthorized, Recorded.Unauthorized, RegistryProblems.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, Recorded.Denied, RegistryProblems.Denied)]
    [InlineData(HttpStatusCode.InternalServerError, Recorded.EmptyManifestBlob, RegistryProblems.ManifestCorrupt)]
    [InlineData(HttpStatusCode.InternalServerError,
        """{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":"unexpected end of JSON input"}]}""",
        RegistryProblems.ManifestCorrupt)]
    [InlineData(HttpStatusCode.InternalServerError, Recorded.StorageFull, RegistryProblems.ServerError)]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>", RegistryProblems.ServerError)]
    public async Task Inspect_RecordedErrorAnswer_IsClassified(HttpStatusCode status, string body, string expected)
    {
        var registry = new FakeRegistry(_ => FakeRegistry.Answer(status, body));

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Null(inspection.Manifest);
        Assert.Equal(expected, inspection.Failure?.Problem);
        Assert.StartsWith(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), inspection.Answer);
    }

    [Fact]
    public async Task Inspect_TooManyRequests_KeepsRetryAfter()
    {
        var registry = new FakeRegistry(_ =>
            FakeRegistry.Answer(
                HttpStatusCode.TooManyRequests, Recorded.TooManyRequests, headers: ("Retry-After", "30")));

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.TooManyRequests, inspection.Failure?.Problem);
        Assert.Equal(TimeSpan.FromSeconds(30), inspection.Failure?.RetryAfter);
        Assert.Contains("Retry-After 30 s", inspection.Answer);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json"}""")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"digest":"sha256:abc","size":1}]}""")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","manifests":[]}""")]
    [InlineData("[1,2,3]")]
    public async Task Inspect_BodyOfWrongShape_IsGarbage(string body)
    {
        var registry = Serving(Encoding.UTF8.GetBytes(body), MediaTypes.OciIndex);

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.Garbage, inspection.Failure?.Problem);
    }

    [Fact]
    public async Task Inspect_ContentTypeNotAManifestType_IsGarbage()
    {
        var registry = Serving(Recorded.Manifest("cache-index.json"), "text/html");

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.Garbage, inspection.Failure?.Problem);
    }

    [Fact]
    public async Task Inspect_ContentTypeDisagreesWithBodyMediaType_IsGarbage()
    {
        var registry = Serving(Recorded.Manifest("cache-index.json"), MediaTypes.OciManifest);

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.Garbage, inspection.Failure?.Problem);
        Assert.Contains("the body says", inspection.Answer);
    }

    [Fact]
    public async Task Inspect_DigestHeaderDisagreesWithBody_IsDigestMismatch()
    {
        var body = Recorded.Manifest("cache-index.json");
        var registry = new FakeRegistry(_ => FakeRegistry.Answer(
            HttpStatusCode.OK,
            body,
            MediaTypes.OciIndex,
            ("Docker-Content-Digest", Recorded.CacheImageManifestDigest)));

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.DigestMismatch, inspection.Failure?.Problem);
    }

    [Fact]
    public async Task Inspect_ByDigestServedOtherContent_IsDigestMismatch()
    {
        var body = Recorded.Manifest("cache-index.json");
        var registry = new FakeRegistry(_ => FakeRegistry.Answer(HttpStatusCode.OK, body, MediaTypes.OciIndex));
        var byDigest = Ref($"registry.internal:5000/app@{Recorded.CacheImageManifestDigest}");

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), byDigest, default);

        Assert.Equal(RegistryProblems.DigestMismatch, inspection.Failure?.Problem);
        Assert.Equal(
            $"GET http://registry.test:5000/v2/app/manifests/{Recorded.CacheImageManifestDigest}", inspection.Request);
    }

    [Fact]
    public async Task Inspect_ByDigestMatchingBody_IsFound()
    {
        var registry = Serving(Recorded.Manifest("cache-index.json"), MediaTypes.OciIndex);
        var byDigest = Ref($"registry.internal:5000/app@{Recorded.CacheIndexDigest}");

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), byDigest, default);

        Assert.Equal(Recorded.CacheIndexDigest, inspection.Manifest?.Digest);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Inspect_BodyPastFourMiB_IsTooLarge(bool announcesLength)
    {
        var big = new byte[(4 * 1024 * 1024) + 10];
        big.AsSpan().Fill((byte)' ');
        var registry = new FakeRegistry(_ =>
        {
            var response = FakeRegistry.Answer(HttpStatusCode.OK, [], MediaTypes.OciIndex);
            response.Content = announcesLength
                ? new ByteArrayContent(big)
                : new StreamContent(new UnannouncedStream(big));
            response.Content.Headers.ContentType = new(MediaTypes.OciIndex);
            return response;
        });

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.TooLarge, inspection.Failure?.Problem);
    }

    [Fact]
    public async Task Inspect_BodyBreaksOff_IsGarbage()
    {
        var registry = new FakeRegistry(_ =>
        {
            var response = FakeRegistry.Answer(HttpStatusCode.OK, [], MediaTypes.OciIndex);
            response.Content = new StreamContent(new BreakingStream());
            response.Content.Headers.ContentType = new(MediaTypes.OciIndex);
            return response;
        });

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.Garbage, inspection.Failure?.Problem);
        Assert.Contains("broke off", inspection.Answer);
    }

    [Fact]
    public async Task Inspect_NothingListening_IsUnreachable()
    {
        var port = ClosedPort();
        var harness = new Harness(new SocketsHttpHandler(), new Uri($"http://127.0.0.1:{port}/"));

        var inspection = await harness.Reader.InspectAsync(harness.Endpoint, CacheRef, default);

        Assert.Equal(RegistryProblems.Unreachable, inspection.Failure?.Problem);
    }

    [Fact]
    public async Task Inspect_NoAnswerWithinRequestTimeout_IsTimedOut()
    {
        var registry = new FakeRegistry(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var options = new RegistryOptions { RequestTimeout = TimeSpan.FromMilliseconds(100) };

        var inspection = await Harness.Over(registry, options).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.TimedOut, inspection.Failure?.Problem);
    }

    [Fact]
    public async Task Inspect_CallerCancels_Throws()
    {
        var registry = new FakeRegistry(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, cancel.Token));
    }

    private static FakeRegistry Serving(byte[] body, string contentType) =>
        new(_ => FakeRegistry.Answer(HttpStatusCode.OK, body, contentType,
            ("Docker-Content-Digest", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)))));

    private static RegistryEndpoint Endpoint() => new() { Name = Harness.RegistryName, BaseUri = Harness.FakeBase };

    private static ImageReference Ref(string text) =>
        ImageReference.TryParse(text, out var reference) ? reference : throw new ArgumentException(text);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A body whose connection drops after the headers, as a registry does when its data file vanished.
    /// </summary>
    private sealed class BreakingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
    }

    /// <summary>A body without Content-Length, like a chunked answer: the cap must hold while reading.</summary>
    private sealed class UnannouncedStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}

using System.Net;
using System.Security.Cryptography;
using Bot.Core.Investigations;
using Bot.Registry.Blobs;
using Bot.Registry.Endpoints;
using Bot.Registry.Tests.Support;

namespace Bot.Registry.Tests.Blobs;

public sealed class BlobCheckerTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 4821).Select(i => (byte)(i % 251))];
    private static readonly BlobClue Small =
        new(DigestOf(Content), Content.Length, "application/vnd.buildkit.cacheconfig.v0", "cacheconfig");
    private static readonly BlobClue Big =
        new(DigestOf([1, 2, 3]), 5 * 1024 * 1024, "application/vnd.oci.image.layer.v1.tar+gzip", "layer");

    [Fact]
    public async Task Check_SmallBlobServedInFull_IsPresent()
    {
        var report = await CheckOne(
            Small, _ => FakeRegistry.Answer(HttpStatusCode.OK, Content, "application/octet-stream"));

        Assert.Equal(BlobConditions.Present, Assert.Single(report.Outcomes).Condition);
        Assert.Null(report.Failure);
    }

    [Fact]
    public async Task Check_BlobUnknown_IsMissing()
    {
        var report = await CheckOne(Small, _ => FakeRegistry.Answer(HttpStatusCode.NotFound, Recorded.BlobUnknown));

        var outcome = Assert.Single(report.Broken);
        Assert.Equal(BlobConditions.Missing, outcome.Condition);
        Assert.StartsWith("404 BLOB_UNKNOWN", outcome.Answer);
    }

    [Fact]
    public async Task Check_OkWithNoBytes_IsEmpty()
    {
        var report = await CheckOne(Small, _ => FakeRegistry.Answer(HttpStatusCode.OK, [], "application/octet-stream"));

        var outcome = Assert.Single(report.Broken);
        Assert.Equal(BlobConditions.Empty, outcome.Condition);
        Assert.Equal("200 with 0 of 4821 bytes", outcome.Answer);
    }

    [Fact]
    public async Task Check_FewerBytesThanDescriptor_IsShort()
    {
        var report = await CheckOne(
            Small, _ => FakeRegistry.Answer(HttpStatusCode.OK, Content[..1000], "application/octet-stream"));

        Assert.Equal(BlobConditions.Short, Assert.Single(report.Broken).Condition);
        Assert.Equal(1000, report.Broken[0].ReadBytes);
    }

    [Fact]
    public async Task Check_SameLengthOtherBytes_IsDigestMismatch()
    {
        var other = (byte[])Content.Clone();
        other[10] ^= 0xff;

        var report = await CheckOne(
            Small, _ => FakeRegistry.Answer(HttpStatusCode.OK, other, "application/octet-stream"));

        Assert.Equal(BlobConditions.DigestMismatch, Assert.Single(report.Broken).Condition);
    }

    [Fact]
    public async Task Check_ServerErrorOnBlob_IsBrokenLink()
    {
        var report = await CheckOne(
            Small, _ => FakeRegistry.Answer(HttpStatusCode.InternalServerError, Recorded.ZeroByteLink));

        Assert.Equal(BlobConditions.BrokenLink, Assert.Single(report.Broken).Condition);
    }

    [Fact]
    public async Task Check_BigBlob_AsksForItsLastByteAndAcceptsPartialContent()
    {
        HttpRequestMessage? seen = null;

        var report = await CheckOne(Big, request =>
        {
            seen = request;
            return FakeRegistry.Answer(HttpStatusCode.PartialContent, [0x1f], "application/octet-stream");
        });

        Assert.Equal(BlobConditions.Present, Assert.Single(report.Outcomes).Condition);
        Assert.Equal("bytes=5242879-5242879", seen?.Headers.Range?.ToString());
        Assert.EndsWith("(Range: bytes=5242879-5242879)", report.Outcomes[0].Request);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestedRangeNotSatisfiable)]
    [InlineData(HttpStatusCode.PartialContent)]
    public async Task Check_BigBlobWithoutItsLastByteButWithItsFirst_IsShort(HttpStatusCode lastByteStatus)
    {
        var report = await CheckOne(Big, request => request.Headers.Range?.ToString() == "bytes=0-0"
            ? FakeRegistry.Answer(HttpStatusCode.PartialContent, [0x1f], "application/octet-stream")
            : FakeRegistry.Answer(lastByteStatus, [], "application/octet-stream"));

        var broken = Assert.Single(report.Broken);
        Assert.Equal(BlobConditions.Short, broken.Condition);
        Assert.EndsWith("then bytes=0-0", broken.Request);
        Assert.Contains("fewer than 5242880 bytes", broken.Answer);
    }

    [Fact]
    public async Task Check_BigBlobWithNoBytes_IsEmpty()
    {
        var report = await CheckOne(
            Big, _ => FakeRegistry.Answer(HttpStatusCode.PartialContent, [], "application/octet-stream"));

        Assert.Equal(BlobConditions.Empty, Assert.Single(report.Broken).Condition);
    }

    [Theory]
    [InlineData(4821, BlobConditions.Present)]
    [InlineData(4000, BlobConditions.Short)]
    public async Task Check_BigBlobRangeIgnored_CountsAndHashesTheWholeBody(int served, string expected)
    {
        var registry = new FakeRegistry(_ =>
            FakeRegistry.Answer(HttpStatusCode.OK, Content[..served], "application/octet-stream"));
        var harness = Harness.Over(registry, new RegistryOptions { SmallBlobBytes = 16 });

        var report = await harness.Checker.CheckAsync(Endpoint(), "app", [Small], default);

        Assert.Equal(expected, Assert.Single(report.Outcomes).Condition);
    }

    [Fact]
    public async Task Check_ManyBlobs_NeverMoreRequestsInFlightThanTheConcurrencySetting()
    {
        var blobs = Enumerable.Range(0, 40).Select(i => Blob(i)).ToList();
        var inFlight = 0;
        var peak = 0;
        var registry = new FakeRegistry(async (request, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref inFlight);
            var index = blobs.FindIndex(b => b.Digest == request.RequestUri!.Segments[^1]);
            return FakeRegistry.Answer(HttpStatusCode.OK, Payload(index), "application/octet-stream");
        });
        var harness = Harness.Over(registry, new RegistryOptions { BlobCheckConcurrency = 3 });

        var report = await harness.Checker.CheckAsync(Endpoint(), "app", blobs, default);

        Assert.Equal(40, report.PresentCount);
        Assert.InRange(peak, 2, 3);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, RegistryProblems.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, RegistryProblems.Denied)]
    [InlineData(HttpStatusCode.TooManyRequests, RegistryProblems.TooManyRequests)]
    [InlineData(HttpStatusCode.BadRequest, RegistryProblems.ServerError)]
    public async Task Check_Refused_StopsWithProblemInsteadOfBrokenBlobs(HttpStatusCode status, string problem)
    {
        var blobs = Enumerable.Range(0, 50).Select(i => Small with { Digest = DigestOf([(byte)i]) }).ToList();
        var registry = new FakeRegistry(_ => FakeRegistry.Answer(status, "{}"));
        var harness = Harness.Over(registry);

        var report = await harness.Checker.CheckAsync(Endpoint(), "app", blobs, concurrency: 1, default);

        Assert.Equal(problem, report.Failure?.Problem);
        Assert.Empty(report.Broken);
        Assert.True(
            registry.Requests.Count < blobs.Count, $"expected an early stop, saw {registry.Requests.Count} requests");
    }

    [Fact]
    public async Task Check_ManyBlobsConcurrently_KeepsManifestOrderAndCountsEach()
    {
        var blobs = Enumerable.Range(0, 40).Select(i => Blob(i)).ToList();
        var missing = blobs[7].Digest;
        var registry = new FakeRegistry(async (request, ct) =>
        {
            await Task.Delay(5, ct);
            var digest = request.RequestUri!.Segments[^1];
            return digest == missing
                ? FakeRegistry.Answer(HttpStatusCode.NotFound, Recorded.BlobUnknown)
                : FakeRegistry.Answer(
                    HttpStatusCode.OK, Payload(blobs.FindIndex(b => b.Digest == digest)), "application/octet-stream");
        });

        var report = await Harness.Over(registry).Checker.CheckAsync(Endpoint(), "app", blobs, concurrency: 8, default);

        Assert.Equal(blobs.Select(b => b.Digest), report.Outcomes.Select(o => o.Blob.Digest));
        Assert.Equal(missing, Assert.Single(report.Broken).Blob.Digest);
        Assert.Equal(39, report.PresentCount);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target))
            && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
            // Another request raised the peak in between; look again.
        }
    }

    private static Task<BlobCheckReport> CheckOne(
        BlobClue blob, Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        Harness.Over(new FakeRegistry(answer)).Checker.CheckAsync(Endpoint(), "app", [blob], default);

    private static byte[] Payload(int i) => [.. Enumerable.Repeat((byte)i, 100 + i)];

    private static BlobClue Blob(int i) =>
        new(DigestOf(Payload(i)), 100 + i, "application/vnd.oci.image.layer.v1.tar+gzip", "layer");

    private static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static RegistryEndpoint Endpoint() => new() { Name = Harness.RegistryName, BaseUri = Harness.FakeBase };
}

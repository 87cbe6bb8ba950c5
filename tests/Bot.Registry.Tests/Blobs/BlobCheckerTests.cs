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

    [Fact]
    public async Task Check_SmallBlobServedInFull_IsPresent()
    {
        var report = await CheckOne(Small, _ => FakeRegistry.Answer(HttpStatusCode.OK, Content, "application/octet-stream"));

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
        var report = await CheckOne(Small, _ => FakeRegistry.Answer(HttpStatusCode.OK, Content[..1000], "application/octet-stream"));

        Assert.Equal(BlobConditions.Short, Assert.Single(report.Broken).Condition);
        Assert.Equal(1000, report.Broken[0].ReadBytes);
    }

    [Fact]
    public async Task Check_SameLengthOtherBytes_IsDigestMismatch()
    {
        var other = (byte[])Content.Clone();
        other[10] ^= 0xff;

        var report = await CheckOne(Small, _ => FakeRegistry.Answer(HttpStatusCode.OK, other, "application/octet-stream"));

        Assert.Equal(BlobConditions.DigestMismatch, Assert.Single(report.Broken).Condition);
    }

    [Fact]
    public async Task Check_ServerErrorOnBlob_IsBrokenLink()
    {
        var report = await CheckOne(Small, _ => FakeRegistry.Answer(HttpStatusCode.InternalServerError, Recorded.ZeroByteLink));

        Assert.Equal(BlobConditions.BrokenLink, Assert.Single(report.Broken).Condition);
    }

    [Fact]
    public async Task Check_BigBlob_AsksForOneByteAndAcceptsPartialContent()
    {
        var big = new BlobClue(DigestOf([1, 2, 3]), 5 * 1024 * 1024, "application/vnd.oci.image.layer.v1.tar+gzip", "layer");
        HttpRequestMessage? seen = null;

        var report = await CheckOne(big, request =>
        {
            seen = request;
            return FakeRegistry.Answer(HttpStatusCode.PartialContent, [0x1f], "application/octet-stream");
        });

        Assert.Equal(BlobConditions.Present, Assert.Single(report.Outcomes).Condition);
        Assert.Equal("bytes=0-0", seen?.Headers.Range?.ToString());
        Assert.EndsWith("(Range: bytes=0-0)", report.Outcomes[0].Request);
    }

    [Fact]
    public async Task Check_BigBlobWithNoBytes_IsEmpty()
    {
        var big = new BlobClue(DigestOf([1, 2, 3]), 5 * 1024 * 1024, "application/vnd.oci.image.layer.v1.tar+gzip", "layer");

        var report = await CheckOne(big, _ => FakeRegistry.Answer(HttpStatusCode.PartialContent, [], "application/octet-stream"));

        Assert.Equal(BlobConditions.Empty, Assert.Single(report.Broken).Condition);
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
        Assert.True(registry.Requests.Count < blobs.Count, $"expected an early stop, saw {registry.Requests.Count} requests");
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

    private static Task<BlobCheckReport> CheckOne(BlobClue blob, Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        Harness.Over(new FakeRegistry(answer)).Checker.CheckAsync(Endpoint(), "app", [blob], default);

    private static byte[] Payload(int i) => [.. Enumerable.Repeat((byte)i, 100 + i)];

    private static BlobClue Blob(int i) =>
        new(DigestOf(Payload(i)), 100 + i, "application/vnd.oci.image.layer.v1.tar+gzip", "layer");

    private static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static RegistryEndpoint Endpoint() => new() { Name = Harness.RegistryName, BaseUri = Harness.FakeBase };
}

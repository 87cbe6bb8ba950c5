using System.Net;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Registry.Blobs;
using Bot.Registry.Endpoints;
using Bot.Registry.Manifests;
using Bot.Registry.Steps;
using Bot.Registry.Tests.Support;

namespace Bot.Registry.Tests.Lab;

/// <summary>
/// The manifest and blob steps against Debian's docker-registry 2.8, broken the ways a full disk breaks it.
/// </summary>
public sealed class RealRegistryTests(LabRegistryFixture lab) : IClassFixture<LabRegistryFixture>
{
    [Theory]
    [InlineData(ManifestKinds.CacheIndex)]
    [InlineData(ManifestKinds.CacheImageManifest)]
    public async Task Walk_IntactCache_BothStepsFine(string form)
    {
        var cache = await lab.PushCacheAsync("intact-" + form, form);

        var (manifest, blobs) = await WalkAsync(cache);

        Assert.Equal(StepStatus.Fine, manifest.Status);
        Assert.Equal(form, manifest.Clues.ManifestKind);
        Assert.Equal(cache.ManifestDigest, manifest.Clues.ManifestDigest);
        Assert.Equal(3, manifest.Clues.Blobs.Count);
        Assert.Equal(StepStatus.Fine, blobs.Status);
        Assert.Equal(BlobFindings.AllPresent, blobs.Finding.Code);
    }

    [Fact]
    public async Task Walk_BlobDataDeletedThenRestart_LayerIsMissing()
    {
        var cache = await lab.PushCacheAsync("missing-after-restart", ManifestKinds.CacheIndex);
        File.Delete(lab.BlobDataPath(cache.LayerDigests[1]));
        await lab.RestartAsync();

        var (_, blobs) = await WalkAsync(cache);

        Assert.Equal(StepStatus.ProblemFound, blobs.Status);
        var broken = Assert.Single(blobs.Clues.BrokenBlobs);
        Assert.Equal((cache.LayerDigests[1], BlobConditions.Missing), (broken.Digest, broken.Condition));
        Assert.StartsWith("404 BLOB_UNKNOWN", blobs.Evidence[0].Answer);
    }

    [Fact]
    public async Task Check_BlobDataDeletedWhileCacheWarm_HeadLiesButCheckSaysEmpty()
    {
        var cache = await lab.PushCacheAsync("head-lies", ManifestKinds.CacheImageManifest);
        var harness = lab.Harness();
        var (manifest, _) = await WalkAsync(cache);
        File.Delete(lab.BlobDataPath(cache.ConfigDigest));

        using var http = new HttpClient { BaseAddress = lab.Registry.BaseUri };
        using var headRequest = new HttpRequestMessage(
            HttpMethod.Head, $"v2/{cache.Repository}/blobs/{cache.ConfigDigest}");
        using var head = await http.SendAsync(headRequest);
        var report = await harness.Checker.CheckAsync(
            harness.Endpoint, cache.Repository, manifest.Clues.Blobs, default);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        var broken = Assert.Single(report.Broken);
        Assert.Equal(cache.ConfigDigest, broken.Blob.Digest);
        Assert.Equal(BlobConditions.Empty, broken.Condition);
    }

    [Fact]
    public async Task Check_BigLayerDataTruncatedThenRestart_IsShortWhileIntactOnesArePresent()
    {
        // Every blob here is "big" (read by its last byte only), and the cache is cold, so the
        // registry serves the truncated file as it now is.
        var cache = await lab.PushCacheAsync("truncated-big", ManifestKinds.CacheIndex);
        var truncated = cache.LayerDigests[0];
        await using (var data = new FileStream(lab.BlobDataPath(truncated), FileMode.Open, FileAccess.Write))
            data.SetLength(100);
        await lab.RestartAsync();
        var harness = new Harness(
            new SocketsHttpHandler(), lab.Registry.BaseUri, options: new RegistryOptions { SmallBlobBytes = 64 });

        var (_, blobs) = await WalkAsync(cache, harness);

        Assert.Equal(StepStatus.ProblemFound, blobs.Status);
        var broken = Assert.Single(blobs.Clues.BrokenBlobs);
        Assert.Equal((truncated, BlobConditions.Short), (broken.Digest, broken.Condition));
        Assert.Contains("(Range: bytes=139-139), then bytes=0-0", blobs.Evidence[0].Request);
        Assert.Contains("fewer than 140 bytes", blobs.Evidence[0].Answer);
    }

    [Fact]
    public async Task Inspect_ManifestBlobTruncatedToZero_IsManifestCorrupt()
    {
        var cache = await lab.PushCacheAsync("zero-manifest", ManifestKinds.CacheIndex);
        await File.WriteAllBytesAsync(lab.BlobDataPath(cache.ManifestDigest), []);

        var (manifest, _) = await WalkAsync(cache);

        Assert.Equal(StepStatus.ProblemFound, manifest.Status);
        Assert.Equal(RegistryProblems.ManifestCorrupt, manifest.Clues.RegistryProblem);
        Assert.StartsWith("500 UNKNOWN", manifest.Evidence[0].Answer);
    }

    [Fact]
    public async Task Check_LayerLinkTruncatedToZero_IsBrokenLink()
    {
        var cache = await lab.PushCacheAsync("zero-link", ManifestKinds.CacheIndex);
        await File.WriteAllBytesAsync(lab.LayerLinkPath(cache.Repository, cache.LayerDigests[0]), []);
        await lab.RestartAsync();

        var (_, blobs) = await WalkAsync(cache);

        var broken = Assert.Single(blobs.Clues.BrokenBlobs);
        Assert.Equal((cache.LayerDigests[0], BlobConditions.BrokenLink), (broken.Digest, broken.Condition));
    }

    [Fact]
    public async Task Inspect_BareGetWithoutAccept_Is404ButReaderFindsManifest()
    {
        var cache = await lab.PushCacheAsync("accept-trap", ManifestKinds.CacheIndex);
        using var http = new HttpClient { BaseAddress = lab.Registry.BaseUri };

        using var bare = await http.GetAsync($"v2/{cache.Repository}/manifests/{cache.Tag}");
        var (manifest, _) = await WalkAsync(cache);

        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        Assert.Contains("accept header does not support", await bare.Content.ReadAsStringAsync());
        Assert.Equal(StepStatus.Fine, manifest.Status);
        Assert.Equal(cache.ManifestDigest, manifest.Clues.ManifestDigest);
    }

    [Fact]
    public async Task Inspect_TagNeverPushed_IsManifestUnknown()
    {
        var cache = await lab.PushCacheAsync("no-tag", ManifestKinds.CacheIndex);
        var harness = lab.Harness();
        Assert.True(ImageReference.TryParse($"{cache.Ref}-gone", out var reference));

        var inspection = await harness.Reader.InspectAsync(harness.Endpoint, reference!, default);

        Assert.Equal(RegistryProblems.ManifestUnknown, inspection.Failure?.Problem);
    }

    private async Task<(StepResult Manifest, StepResult Blobs)> WalkAsync(PushedCache cache, Harness? harness = null)
    {
        harness ??= lab.Harness();
        var manifest = await harness.ManifestStep.RunAsync(new Clues { ImageRef = cache.Ref }, default);
        var blobs = await harness.BlobStep.RunAsync(manifest.Clues, default);
        return (manifest, blobs);
    }
}

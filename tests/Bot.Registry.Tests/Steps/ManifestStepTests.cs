using System.Net;
using System.Security.Cryptography;
using Bot.Core.Investigations;
using Bot.Registry.Manifests;
using Bot.Registry.Steps;
using Bot.Registry.Tests.Support;

namespace Bot.Registry.Tests.Steps;

public sealed class ManifestStepTests
{
    [Fact]
    public async Task Run_NoRef_IsSkipped()
    {
        var registry = new FakeRegistry(_ => throw new InvalidOperationException("must not be called"));

        var result = await Harness.Over(registry).ManifestStep.RunAsync(new Clues(), default);

        Assert.Equal(StepStatus.Skipped, result.Status);
        Assert.Equal(ManifestFindings.NoRef, result.Finding.Code);
    }

    [Fact]
    public async Task Run_RefOnUnlistedRegistry_CouldNotCheckAndNeverCalls()
    {
        var registry = new FakeRegistry(_ => throw new InvalidOperationException("must not be called"));

        var result = await Harness.Over(registry).ManifestStep.RunAsync(
            new Clues { ImageRef = "evil.example.com/app:cache" }, default);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal("manifest.not-allowlisted", result.Finding.Code);
        Assert.Equal(RegistryProblems.NotAllowlisted, result.Clues.RegistryProblem);
        Assert.Empty(registry.Requests);
    }

    [Fact]
    public async Task Run_UnparseableRef_CouldNotCheck()
    {
        var registry = new FakeRegistry(_ => throw new InvalidOperationException("must not be called"));

        var result = await Harness.Over(registry).ManifestStep.RunAsync(
            new Clues { ImageRef = "no such thing" }, default);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(ManifestFindings.BadRef, result.Finding.Code);
    }

    [Fact]
    public async Task Run_CacheIndex_IsFineWithCluesAndEvidence()
    {
        var body = Recorded.Manifest("cache-index.json");
        var registry = new FakeRegistry(_ => FakeRegistry.Answer(HttpStatusCode.OK, body, MediaTypes.OciIndex,
            ("Docker-Content-Digest", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)))));

        var result = await Harness.Over(registry).ManifestStep.RunAsync(
            new Clues { ImageRef = "registry.internal:5000/app:cache" }, default);

        Assert.Equal(StepStatus.Fine, result.Status);
        Assert.Equal(ManifestFindings.Found, result.Finding.Code);
        Assert.Equal(Recorded.CacheIndexDigest, result.Clues.ManifestDigest);
        Assert.Equal(ManifestKinds.CacheIndex, result.Clues.ManifestKind);
        Assert.Equal(3, result.Clues.Blobs.Count);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("GET http://registry.test:5000/v2/app/manifests/cache", evidence.Request);
        Assert.Equal(
            $"200 application/vnd.oci.image.index.v1+json, " +
            $"Docker-Content-Digest {Recorded.CacheIndexDigest}, 3 descriptors",
            evidence.Answer);
    }

    [Theory]
    [InlineData(
        HttpStatusCode.NotFound, Recorded.ManifestUnknown, StepStatus.ProblemFound, "manifest.manifest-unknown")]
    [InlineData(
        HttpStatusCode.InternalServerError, Recorded.EmptyManifestBlob,
        StepStatus.ProblemFound, "manifest.manifest-corrupt")]
    [InlineData(HttpStatusCode.NotFound, Recorded.AcceptTrap, StepStatus.CouldNotCheck, "manifest.media-type-refused")]
    [InlineData(HttpStatusCode.Unauthorized, Recorded.Unauthorized, StepStatus.CouldNotCheck, "manifest.unauthorized")]
    [InlineData(
        HttpStatusCode.TooManyRequests, Recorded.TooManyRequests,
        StepStatus.CouldNotCheck, "manifest.too-many-requests")]
    public async Task Run_RegistryProblem_HasStatusCodeAndClue(
        HttpStatusCode status, string body, StepStatus expected, string code)
    {
        var registry = new FakeRegistry(_ => FakeRegistry.Answer(status, body, headers: ("Retry-After", "7")));

        var result = await Harness.Over(registry).ManifestStep.RunAsync(
            new Clues { ImageRef = "registry.internal:5000/app:cache" }, default);

        Assert.Equal(expected, result.Status);
        Assert.Equal(code, result.Finding.Code);
        Assert.Equal(code["manifest.".Length..], result.Clues.RegistryProblem);
        Assert.Single(result.Evidence);
    }
}

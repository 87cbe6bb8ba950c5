using System.Net;
using System.Security.Cryptography;
using Bot.Core.Investigations;
using Bot.Registry.Blobs;
using Bot.Registry.Steps;
using Bot.Registry.Tests.Support;

namespace Bot.Registry.Tests.Steps;

public sealed class BlobStepTests
{
    private const string Ref = "registry.internal:5000/app:cache";

    [Fact]
    public async Task Run_NoBlobs_IsSkipped()
    {
        var registry = new FakeRegistry(_ => throw new InvalidOperationException("must not be called"));

        var result = await Harness.Over(registry).BlobStep.RunAsync(new Clues { ImageRef = Ref }, default);

        Assert.Equal(StepStatus.Skipped, result.Status);
        Assert.Equal(BlobFindings.None, result.Finding.Code);
    }

    [Fact]
    public async Task Run_AllPresent_IsFine()
    {
        var (blobs, registry) = Serve(count: 5, broken: []);

        var result = await Harness.Over(registry).BlobStep.RunAsync(
            new Clues { ImageRef = Ref, Blobs = blobs }, default);

        Assert.Equal(StepStatus.Fine, result.Status);
        Assert.Equal(BlobFindings.AllPresent, result.Finding.Code);
        Assert.Equal("5 present, 0 broken", Assert.Single(result.Evidence).Answer);
    }

    [Fact]
    public async Task Run_FiveHundredBlobsThreeBroken_NamesBrokenOnesAndCountsTheRest()
    {
        var broken = new Dictionary<int, HttpStatusCode>
        {
            [3] = HttpStatusCode.NotFound,
            [250] = HttpStatusCode.OK,
            [499] = HttpStatusCode.InternalServerError,
        };
        var (blobs, registry) = Serve(count: 500, broken);

        var result = await Harness.Over(registry).BlobStep.RunAsync(
            new Clues { ImageRef = Ref, Blobs = blobs }, default);

        Assert.Equal(StepStatus.ProblemFound, result.Status);
        Assert.Equal(BlobFindings.Broken, result.Finding.Code);
        Assert.Equal(
            [BlobConditions.Missing, BlobConditions.Empty, BlobConditions.BrokenLink],
            result.Clues.BrokenBlobs.Select(b => b.Condition));
        Assert.Equal(blobs[3].Digest, result.Finding.Fact("firstDigest"));
        Assert.Equal(4, result.Evidence.Count);
        Assert.Equal($"GET http://registry.test:5000/v2/app/blobs/{blobs[3].Digest}", result.Evidence[0].Request);
        Assert.StartsWith("404 BLOB_UNKNOWN", result.Evidence[0].Answer);
        Assert.StartsWith("200 with 0 of", result.Evidence[1].Answer);
        Assert.Equal("497 present, 3 broken (1 missing, 1 empty, 1 broken-link)", result.Evidence[^1].Answer);
    }

    [Fact]
    public async Task Run_ManyBroken_ListsOnlyTheFirstFew()
    {
        var broken = Enumerable.Range(0, 40).ToDictionary(i => i * 10, _ => HttpStatusCode.NotFound);
        var (blobs, registry) = Serve(count: 400, broken);

        var result = await Harness.Over(registry).BlobStep.RunAsync(
            new Clues { ImageRef = Ref, Blobs = blobs }, default);

        Assert.Equal(40, result.Clues.BrokenBlobs.Count);
        Assert.Equal(BlobStep.MaxBlobEvidence + 1, result.Evidence.Count);
        Assert.Contains("30 more broken not listed", result.Evidence[^1].Answer);
    }

    [Fact]
    public async Task Run_RegistryRefuses_CouldNotCheckWithProblemClue()
    {
        var (blobs, _) = Serve(count: 3, broken: []);
        var registry = new FakeRegistry(_ => FakeRegistry.Answer(HttpStatusCode.Forbidden, Recorded.Denied));

        var result = await Harness.Over(registry).BlobStep.RunAsync(
            new Clues { ImageRef = Ref, Blobs = blobs }, default);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal("blobs.denied", result.Finding.Code);
        Assert.Equal(RegistryProblems.Denied, result.Clues.RegistryProblem);
    }

    [Fact]
    public async Task Run_WithCredentials_NeverPutsThemInEvidenceOrFacts()
    {
        var (blobs, registry) = Serve(count: 3, broken: new() { [1] = HttpStatusCode.NotFound });
        var harness = new Harness(
            registry, new Uri("http://registry.test:5000/"), username: "robot$ci", password: "hunter2-secret");

        var result = await harness.BlobStep.RunAsync(new Clues { ImageRef = Ref, Blobs = blobs }, default);

        var said = result.Evidence.Select(e => $"{e.Request} {e.Answer}").Concat(result.Finding.Facts.Values);
        var text = string.Join('\n', said);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("robot$ci", text);
    }

    /// <summary>
    /// Serves <paramref name="count"/> small blobs; the listed indexes answer 404, 500, or 200 with no body.
    /// </summary>
    private static (List<BlobClue> Blobs, FakeRegistry Registry) Serve(
        int count, Dictionary<int, HttpStatusCode> broken)
    {
        var payloads = Enumerable.Range(0, count)
            .Select(i => BitConverter.GetBytes(i).Concat(new byte[64]).ToArray())
            .ToList();
        var blobs = payloads
            .Select(p => new BlobClue("sha256:" + Convert.ToHexStringLower(SHA256.HashData(p)), p.Length, "x", "layer"))
            .ToList();
        var index = blobs.Select((b, i) => (b.Digest, i)).ToDictionary(x => x.Digest, x => x.i);
        var registry = new FakeRegistry(request =>
        {
            var i = index[request.RequestUri!.Segments[^1]];
            return broken.TryGetValue(i, out var status)
                ? status switch
                {
                    HttpStatusCode.NotFound => FakeRegistry.Answer(status, Recorded.BlobUnknown),
                    HttpStatusCode.InternalServerError => FakeRegistry.Answer(status, Recorded.ZeroByteLink),
                    _ => FakeRegistry.Answer(status, [], "application/octet-stream"),
                }
                : FakeRegistry.Answer(HttpStatusCode.OK, payloads[i], "application/octet-stream");
        });
        return (blobs, registry);
    }
}

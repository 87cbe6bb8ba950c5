using System.Net;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Targets;
using Bot.Registry.Manifests;
using Bot.Registry.Steps;
using Bot.Registry.Tests.Support;
using Bot.Storage;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Registry.Tests.Steps;

/// <summary>
/// A registry answering garbage, taken through the whole walk: the manifest step, the runner and
/// the real SQLite store. The answer becomes one clear finding; nothing from it becomes a clue.
/// </summary>
public sealed class MalformedManifestWalkTests : IDisposable
{
    private const string CacheRef = "registry.internal:5000/app:cache";

    private readonly string _directory = Directory.CreateTempSubdirectory("malformed-walk-").FullName;

    public static TheoryData<string, string, string> Answers { get; } = new()
    {
        {
            "not-json", "manifest.garbage",
            "not a valid manifest: 200 application/vnd.oci.image.index.v1+json, the body is not JSON"
        },
        { "over-four-mib", "manifest.too-large", "past the limit of 4194304 bytes" },
        { "digest-mismatch", "manifest.digest-mismatch", "does not match its digest" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Walk_RegistryAnswersGarbage_RecordsOneClearFindingAndNoClues(
        string answer, string code, string expectedText)
    {
        var registry = new FakeRegistry(_ => Serve(answer));
        var store = new SqliteInvestigationStore(
            Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "triage.db") }));

        var id = await WalkAsync(Harness.Over(registry), store);

        var stored = await store.FindAsync(id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(InvestigationState.Concluded, stored.State);
        var manifest = Assert.Single(stored.Steps, s => s.Step == StepName.Manifest);
        Assert.Equal(StepStatus.ProblemFound, manifest.Status);
        Assert.Equal(code, manifest.Finding.Code);
        Assert.Contains(expectedText, Render(manifest.Finding), StringComparison.Ordinal);
        Assert.Equal(1, (await store.CountStepRecordsAsync(id, CancellationToken.None))["manifest"]);
        Assert.Null(stored.Clues.ManifestDigest);
        Assert.Null(stored.Clues.ManifestKind);
        Assert.Empty(stored.Clues.Blobs);
        Assert.Equal(StepStatus.Skipped, stored.Steps.Single(s => s.Step == StepName.Blobs).Status);
        Assert.Equal(RootCauseCode.RegistryAnsweredGarbage, stored.Conclusion?.RootCause.Code);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string> WalkAsync(Harness registry, SqliteInvestigationStore store)
    {
        var runner = new InvestigationRunner(
            [registry.ManifestStep, registry.BlobStep],
            store,
            TimeProvider.System,
            Options.Create(new RunnerOptions()),
            NullLogger<InvestigationRunner>.Instance);
        Assert.True(ImageReference.TryParse(CacheRef, out var reference));

        var investigation = await runner.OpenAsync(
            "inv-garbage", TriageTarget.ForImage(CacheRef, reference), CancellationToken.None);
        await runner.RunAsync(investigation, [], CancellationToken.None);
        return investigation.Id;
    }

    private static HttpResponseMessage Serve(string answer)
    {
        switch (answer)
        {
            case "not-json":
                return FakeRegistry.Answer(HttpStatusCode.OK, "<html>gateway says hello</html>", MediaTypes.OciIndex);
            case "over-four-mib":
                var big = Encoding.ASCII.GetBytes(new string(' ', (4 * 1024 * 1024) + 10));
                return FakeRegistry.Answer(HttpStatusCode.OK, big, MediaTypes.OciIndex);
            default:
                // A real cache index whose Docker-Content-Digest names other bytes.
                var body = Recorded.Manifest("cache-index.json");
                var other = "sha256:" + Convert.ToHexStringLower(SHA256.HashData("other bytes"u8));
                return FakeRegistry.Answer(
                    HttpStatusCode.OK, body, MediaTypes.OciIndex, ("Docker-Content-Digest", other));
        }
    }

    private static string Render(Finding finding)
    {
        var keys = PromptKeys.Core().Concat(ManifestFindings.All.Concat(BlobFindings.All).Select(PromptKeys.Finding));
        var catalog = PromptCatalog.Load(
            Path.Combine(AppContext.BaseDirectory, "prompts"),
            keys,
            key => key.StartsWith("findings/manifest.", StringComparison.Ordinal)
                || key.StartsWith("findings/blobs.", StringComparison.Ordinal));
        return catalog.Render(PromptKeys.Finding(finding.Code), finding.Facts);
    }
}

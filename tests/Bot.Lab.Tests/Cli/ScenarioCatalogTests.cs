using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Cli;

/// <summary>
/// Every scenario the lab ships, run end to end with <c>run --json</c>: the root cause the bot names
/// and the fixes it offers. A scenario file added without an expectation here fails the last test.
/// </summary>
public sealed class ScenarioCatalogTests
{
    private const string Delete = "delete-cache-manifest";
    private const string RunGc = "run-gc";
    private const string Resize = "resize-pvc";
    private const string Rerun = "rerun-ci";

    public static TheoryData<string, string, string[]> Expected => new()
    {
        { "seed.yaml", "volume-full-corrupted-cache", [Delete, RunGc, Resize, Rerun] },
        { "blob-missing-after-restart.yaml", "cache-blob-missing-or-empty", [Delete, Rerun] },
        { "blob-missing-healthy-volume.yaml", "cache-blob-lost-volume-healthy", [Delete, Rerun] },
        { "gc-failing-other-reason.yaml", "volume-full-corrupted-cache", [Delete, RunGc, Rerun] },
        { "gc-harbor-dry-runs-only.yaml", "volume-full-corrupted-cache", [Delete, RunGc, Resize, Rerun] },
        { "head-lies.yaml", "cache-blob-missing-or-empty", [Delete, Rerun] },
        { "intact-cache.yaml", "run-did-not-fail", [] },
        { "rbac-forbidden-exec.yaml", "cache-blob-missing-or-empty", [Delete, Rerun] },
        { "registry-down.yaml", "registry-unreachable", [] },
        { "storage-class-not-expandable.yaml", "volume-full-corrupted-cache", [Delete, RunGc, Rerun] },
        { "unrelated-failure.yaml", "unrelated-to-registry", [] },
        { "volume-full-intact-cache.yaml", "unrelated-to-registry", [] },
        { "zero-byte-link.yaml", "cache-blob-missing-or-empty", [Delete, Rerun] },
        // The manifest's own bytes are empty, so its digest cannot be read back: no delete by digest.
        { "zero-byte-manifest.yaml", "cache-manifest-corrupt", [Rerun] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Run_Scenario_NamesItsCauseAndOffersOnlyItsFixes(string file, string cause, string[] fixes)
    {
        using var run = await LabJsonRun.StartAsync(file);

        Assert.Equal(cause, run.RootCauseCode);
        Assert.Equal(fixes, run.FixKinds);
    }

    [Fact]
    public void Expected_EveryScenarioFile_HasAnExpectation()
    {
        var shipped = Directory.EnumerateFiles(ScenarioFiles.Directory, "*.yaml").Select(Path.GetFileName).Order();
        var expected = Expected.Select(row => (string)row[0]).Order();

        Assert.Equal(shipped, expected);
    }
}

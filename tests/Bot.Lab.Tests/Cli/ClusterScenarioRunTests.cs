using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Cli;

/// <summary>
/// The cases end to end: <c>bot-lab run &lt;file&gt; --json</c> with the simulated cluster, each
/// asserting the root cause the bot names and that it offers no fix the evidence does not support.
/// </summary>
public sealed class ClusterScenarioRunTests
{
    private const StringComparison O = StringComparison.Ordinal;
    private static readonly string[] AllSteps = ["ci-log", "manifest", "blobs", "volume", "gc"];

    [Fact]
    public async Task Run_Seed_NamesTheFullVolumeChainAndOffersEveryFix()
    {
        using var run = await LabJsonRun.StartAsync("seed.yaml");

        Assert.Equal("volume-full-corrupted-cache", run.RootCauseCode);
        Assert.Equal(AllSteps, run.Steps.Select(s => s.Name));
        Assert.DoesNotContain(run.Steps, s => s.Status is "could-not-check" or "skipped");
        Assert.Equal(["ci-log", "blobs", "volume", "gc"], run.Chain.Select(l => l.Step));
        Assert.Contains("no space left on device", run.Chain.Single(l => l.Step == "volume").Summary, O);
        Assert.Contains("failed-no-space", run.Chain.Single(l => l.Step == "gc").Summary, O);
        // Every fix is safe here: GC fails for lack of space, and the StorageClass can grow the PVC.
        Assert.Equal(["delete-cache-manifest", "run-gc", "resize-pvc", "rerun-ci"], run.FixKinds);
        Assert.Contains(run.Preconditions("run-gc"), p => p.Contains("failed-no-space", O));
    }

    [Fact]
    public async Task Run_BlobMissingOnHealthyVolume_IsNotADiskProblem()
    {
        using var run = await LabJsonRun.StartAsync("blob-missing-healthy-volume.yaml");

        Assert.Equal("cache-blob-lost-volume-healthy", run.RootCauseCode);
        Assert.Equal(("fine", "fine"), (Status(run, "volume"), Status(run, "gc")));
        Assert.Contains("GC ran cleanly", run.RootCause.GetProperty("summary").GetString(), O);
        AssertNoClusterFix(run);
        Assert.Equal(["delete-cache-manifest", "rerun-ci"], run.FixKinds);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public async Task Run_FullVolumeIntactCache_BlamesTheBuildAndOnlyWarnsAboutTheVolume()
    {
        using var run = await LabJsonRun.StartAsync("volume-full-intact-cache.yaml");

        Assert.Equal("unrelated-to-registry", run.RootCauseCode);
        Assert.Equal("problem-found", Status(run, "volume"));
        Assert.Empty(run.Chain);
        Assert.DoesNotContain(
            run.RootCause.GetProperty("evidence").EnumerateArray(),
            e => e.GetProperty("step").GetString() == "volume");
        Assert.True(run.HasWarning("volume-nearly-full"), string.Join(" | ", run.Warnings));
        Assert.Single(run.Warnings);
        Assert.Empty(run.FixKinds);
    }

    [Fact]
    public async Task Run_GcFailingAtSweep_ChainNamesTheSweepFailureAndGcMustBeMendedFirst()
    {
        using var run = await LabJsonRun.StartAsync("gc-failing-other-reason.yaml");

        Assert.Equal("volume-full-corrupted-cache", run.RootCauseCode);
        var gc = run.Chain.Single(l => l.Step == "gc").Summary;
        Assert.Contains("failed-sweep", gc, O);
        Assert.Contains("failed to execute GC job at sweep phase", gc, O);
        Assert.DoesNotContain("failed-no-space", gc, O);
        Assert.Equal(["delete-cache-manifest", "run-gc", "rerun-ci"], run.FixKinds);
        Assert.Contains(
            run.Preconditions("run-gc"), p => p.Contains("has been dealt with", O) && p.Contains("failed-sweep", O));
        // A PVC never shrinks; growing it while GC is broken for another reason is not offered.
        Assert.DoesNotContain("resize-pvc", run.FixKinds);
    }

    [Fact]
    public async Task Run_StorageClassWithoutExpansion_OffersNoResizeAndSaysWhy()
    {
        using var run = await LabJsonRun.StartAsync("storage-class-not-expandable.yaml");

        Assert.Equal("volume-full-corrupted-cache", run.RootCauseCode);
        Assert.Equal(["delete-cache-manifest", "run-gc", "rerun-ci"], run.FixKinds);
        Assert.DoesNotContain("resize-pvc", run.FixKinds);
        Assert.True(run.HasWarning("volume-not-expandable"), string.Join(" | ", run.Warnings));
    }

    [Fact]
    public async Task Run_ExecForbidden_NamesBothExecVerbsAndOffersNoClusterFix()
    {
        using var run = await LabJsonRun.StartAsync("rbac-forbidden-exec.yaml");

        var volume = run.Steps.Single(s => s.Name == "volume");
        Assert.Equal("could-not-check", volume.Status);
        Assert.Contains("pods/exec", volume.Summary, O);
        Assert.Contains("\"create\"", volume.Summary, O);
        Assert.Contains("\"get\"", volume.Summary, O);
        Assert.Equal("cache-blob-missing-or-empty", run.RootCauseCode);
        AssertNoClusterFix(run);
        Assert.Equal(["delete-cache-manifest", "rerun-ci"], run.FixKinds);
    }

    /// <summary>
    /// GC read from Harbor's API (behind a base path) where every run was a dry run: GC has not really run.
    /// </summary>
    [Fact]
    public async Task Run_HarborGcOnlyDryRuns_ChainSaysGcHasNotReallyRun()
    {
        using var run = await LabJsonRun.StartAsync("gc-harbor-dry-runs-only.yaml");

        Assert.Equal("volume-full-corrupted-cache", run.RootCauseCode);
        var gc = run.Steps.Single(s => s.Name == "gc");
        Assert.Equal("problem-found", gc.Status);
        Assert.Contains("has not really run", gc.Summary, O);
        Assert.Contains("harbor", gc.Summary, O);
        Assert.Contains("only run as a dry run", run.Chain.Single(l => l.Step == "gc").Summary, O);
        // Nothing failed, so no GC failure has to be dealt with first; a real run is what is missing.
        Assert.Equal(["delete-cache-manifest", "run-gc", "resize-pvc", "rerun-ci"], run.FixKinds);
        Assert.DoesNotContain(run.Preconditions("run-gc"), p => p.Contains("has been dealt with", O));
    }

    private static string Status(LabJsonRun run, string step) => run.Steps.Single(s => s.Name == step).Status;

    /// <summary>Neither GC nor a resize: the evidence does not put the disk behind this failure.</summary>
    private static void AssertNoClusterFix(LabJsonRun run)
    {
        Assert.DoesNotContain("run-gc", run.FixKinds);
        Assert.DoesNotContain("resize-pvc", run.FixKinds);
    }
}

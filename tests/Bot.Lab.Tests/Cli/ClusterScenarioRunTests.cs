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
        Assert.Equal(["delete-cache-manifest", "run-gc", "resize-pvc", "rerun-ci"], run.FixKinds);
    }

    [Fact]
    public async Task Run_BlobMissingOnHealthyVolume_IsNotADiskProblem()
    {
        using var run = await LabJsonRun.StartAsync("blob-missing-healthy-volume.yaml");

        Assert.Equal("cache-blob-lost-volume-healthy", run.RootCauseCode);
        Assert.Equal(("fine", "fine"), (Status(run, "volume"), Status(run, "gc")));
        Assert.DoesNotContain("resize-pvc", run.FixKinds);
        Assert.DoesNotContain("run-gc", run.FixKinds);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public async Task Run_FullVolumeIntactCache_BlamesTheBuildAndWarnsAboutTheVolume()
    {
        using var run = await LabJsonRun.StartAsync("volume-full-intact-cache.yaml");

        Assert.DoesNotContain("volume", run.RootCauseCode, O);
        Assert.Equal("problem-found", Status(run, "volume"));
        Assert.True(run.HasWarning("volume-nearly-full"), string.Join(" | ", run.Warnings));
        Assert.DoesNotContain("resize-pvc", run.FixKinds);
        Assert.DoesNotContain("run-gc", run.FixKinds);
    }

    [Fact]
    public async Task Run_GcFailingAtSweep_ChainNamesTheSweepFailure()
    {
        using var run = await LabJsonRun.StartAsync("gc-failing-other-reason.yaml");

        Assert.Equal("volume-full-corrupted-cache", run.RootCauseCode);
        var gc = run.Chain.Single(l => l.Step == "gc").Summary;
        Assert.Contains("failed-sweep", gc, O);
        Assert.Contains("failed to execute GC job at sweep phase", gc, O);
        Assert.DoesNotContain("failed-no-space", gc, O);
        Assert.Contains("run-gc", run.FixKinds);
    }

    [Fact]
    public async Task Run_StorageClassWithoutExpansion_OffersNoResizeAndSaysWhy()
    {
        using var run = await LabJsonRun.StartAsync("storage-class-not-expandable.yaml");

        Assert.Equal("volume-full-corrupted-cache", run.RootCauseCode);
        Assert.DoesNotContain("resize-pvc", run.FixKinds);
        Assert.True(run.HasWarning("volume-not-expandable"), string.Join(" | ", run.Warnings));
    }

    [Fact]
    public async Task Run_ExecForbidden_NamesPodsExecCreateAndDoesNotBlameTheDisk()
    {
        using var run = await LabJsonRun.StartAsync("rbac-forbidden-exec.yaml");

        var volume = run.Steps.Single(s => s.Name == "volume");
        Assert.Equal("could-not-check", volume.Status);
        Assert.Contains("pods/exec", volume.Summary, O);
        Assert.Contains("\"create\"", volume.Summary, O);
        Assert.NotEqual("volume-full-corrupted-cache", run.RootCauseCode);
        Assert.Equal("cache-blob-missing-or-empty", run.RootCauseCode);
        Assert.DoesNotContain("resize-pvc", run.FixKinds);
    }

    private static string Status(LabJsonRun run, string step) => run.Steps.Single(s => s.Name == step).Status;
}

using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Tests.Diagnosis;
using Bot.Kubernetes.Tests.Lab;
using Bot.Kubernetes.Volume;
using Bot.Lab.Cluster;
using Bot.Lab.Registry;
using Bot.Registry.Push;

namespace Bot.Kubernetes.Tests.Cluster;

/// <summary>
/// Whole scenarios: a real tmpfs, the simulated cluster, the real client, and the diagnosis at the end.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The seed, for real: Debian's registry on the tmpfs, the disk filled, a cache layer push that
    /// fails with ENOSPC (so the registry's own log names it), and GC failing for lack of space.
    /// </summary>
    [Fact]
    public async Task Walk_SeedFullVolumeTornPushGcNoSpace_DiagnosesTheFullChain()
    {
        string? tornDigest = null;
        await using var lab = await LabCluster.StartAsync(async setup =>
        {
            var settings = new RegistrySettings
            {
                DataDirectory = setup.Storage,
                WorkDirectory = Path.Combine(setup.Root, "registry"),
            };
            var registry = setup.Own(await RegistryProcess.StartAsync(settings, CancellationToken.None));
            using var http = new HttpClient { BaseAddress = registry.BaseUri };
            var pusher = new OciPusher(http);
            Assert.True((await pusher.PushBlobAsync("app", RandomBytes(300 * 1024), CancellationToken.None)).Succeeded);

            setup.Layout.FillTo(96, LabCluster.TmpfsBytes);
            var torn = await pusher.PushBlobAsync("app", RandomBytes(1024 * 1024), CancellationToken.None);
            Assert.False(torn.Succeeded);
            tornDigest = torn.Digest;

            var deleted = ClusterWalk.FixtureText("harbor-gc-12948-actual-deleted.log");
            var noSpace = ClusterWalk.FixtureText("harbor-jobservice-18459-gc-no-space.log");
            return setup.Scenario with
            {
                RegistryLogPath = registry.LogPath,
                GcPods =
                [
                    ClusterWalk.GcPod("registry-gc-29400000", Day.AddDays(-3), "Succeeded", deleted),
                    ClusterWalk.GcPod("registry-gc-29401440", Day.AddDays(-1), "Failed", noSpace),
                    ClusterWalk.GcPod("registry-gc-29402880", Day, "Failed", noSpace),
                ],
            };
        }, o => ClusterWalk.UseCronJobGc(o, "registry-gc"));
        var cache = Investigations.BrokenCache() with
        {
            BrokenBlobs = [new BrokenBlob(tornDigest!, "missing", "layer", 1024 * 1024, null)],
        };

        var (investigation, conclusion) = await ClusterWalk.RunAsync(lab, cache);

        var volume = investigation.Step(StepName.Volume);
        Assert.Equal(VolumeFindings.Full, volume.Finding.Code);
        var usePercent = int.Parse(
            volume.Finding.Facts["usePercent"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(usePercent >= 90);
        Assert.Equal("harbor-registry", investigation.Clues.PvcName);
        Assert.False(investigation.Clues.BrokenBlobOnDisk);
        Assert.Contains(
            investigation.Clues.RegistryWriteErrors,
            e => e.Kind == RegistryWriteErrorKinds.NoSpace && e.Digest == tornDigest);
        Assert.Equal(GcOutcomes.FailedNoSpace, investigation.Clues.GcOutcome);
        Assert.Equal(2, investigation.Clues.GcFailedRunsSinceSuccess);

        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        Assert.Equal(
            ["ci-failed-on-cache", "cache-points-at-broken-blob", "volume-ran-out-during-push", "gc-failing"],
            conclusion.RootCause.Chain.Select(l => l.Code));
        Assert.Equal("true", conclusion.RootCause.Facts["noSpaceNamesBrokenBlob"]);
        Assert.Equal(
            [FixKind.DeleteCacheManifest, FixKind.RunGc, FixKind.ResizePvc, FixKind.RerunCi],
            conclusion.Fixes.Select(f => f.Kind));
    }

    [Fact]
    public async Task Walk_BlobMissingHealthyVolumeCleanGc_IsNotADiskProblem()
    {
        var deleted = ClusterWalk.FixtureText("harbor-gc-12948-actual-deleted.log");
        await using var lab = await HealthyVolumeAsync(
            ClusterWalk.GcPod("registry-gc-29402880", Day, "Succeeded", deleted));

        var (investigation, conclusion) = await ClusterWalk.RunAsync(lab, Investigations.BrokenCache());

        Assert.Equal(VolumeFindings.Ok, investigation.Step(StepName.Volume).Finding.Code);
        Assert.Equal(GcOutcomes.Succeeded, investigation.Clues.GcOutcome);
        Assert.Equal(Day, investigation.Clues.GcLastSuccessAt);
        Assert.Equal(RootCauseCode.CacheBlobLostVolumeHealthy, conclusion.RootCause.Code);
        ClusterWalk.AssertNoUnsafeFix(conclusion, resizeAllowed: false, gcAllowed: false);
        Assert.Empty(conclusion.Warnings);
    }

    /// <summary>Dry runs (Harbor's estimate, distribution's --dry-run) free nothing: they are not a clean GC.</summary>
    [Fact]
    public async Task Walk_BlobMissingHealthyVolumeOnlyDryRunGc_GcHasNotReallyRun()
    {
        var dryRun = ClusterWalk.FixtureText("lab-registry-2.8.2/out-06-gc-dryrun.txt");
        var estimate = ClusterWalk.FixtureText("harbor-gc-16482-dryrun-estimate.log");
        await using var lab = await HealthyVolumeAsync(
            ClusterWalk.GcPod("registry-gc-29401440", Day.AddDays(-1), "Succeeded", dryRun),
            ClusterWalk.GcPod("registry-gc-29402880", Day, "Succeeded", estimate));

        var (investigation, conclusion) = await ClusterWalk.RunAsync(lab, Investigations.BrokenCache());

        var gc = investigation.Step(StepName.Gc);
        Assert.Equal(StepStatus.ProblemFound, gc.Status);
        Assert.Equal(GcFindings.OnlyDryRuns, gc.Finding.Code);
        Assert.Equal("2", gc.Finding.Facts["dryRuns"]);
        Assert.Equal(GcOutcomes.DryRun, investigation.Clues.GcOutcome);
        Assert.Null(investigation.Clues.GcLastSuccessAt);
        Assert.Equal(RootCauseCode.CacheBlobLostVolumeHealthy, conclusion.RootCause.Code);
        Assert.NotEqual(GcOutcomes.Succeeded, conclusion.RootCause.Facts["gcOutcome"]);
        ClusterWalk.AssertNoUnsafeFix(conclusion, resizeAllowed: false, gcAllowed: false);
        Assert.Equal("gc-only-dry-runs", Assert.Single(conclusion.Warnings).Code);
    }

    [Fact]
    public async Task Walk_FullVolumeIntactCache_WarnsWithoutBlamingIt()
    {
        await using var lab = await LabCluster.StartAsync(setup =>
        {
            setup.Layout.FillTo(95, LabCluster.TmpfsBytes);
            var deleted = ClusterWalk.FixtureText("harbor-gc-12948-actual-deleted.log");
            return setup.Scenario with
            {
                RegistryLogPath = Path.Combine(Fixtures.Lab, "registry-startup.log"),
                GcPods = [ClusterWalk.GcPod("registry-gc-29402880", Day, "Succeeded", deleted)],
            };
        }, o => ClusterWalk.UseCronJobGc(o, "registry-gc"));

        var (investigation, conclusion) = await ClusterWalk.RunAsync(lab, Investigations.IntactCache());

        Assert.Equal(VolumeFindings.Full, investigation.Step(StepName.Volume).Finding.Code);
        // The walk's CI step found a problem the intact cache does not explain: not the volume's doing either.
        Assert.Equal(RootCauseCode.Inconclusive, conclusion.RootCause.Code);
        Assert.Empty(conclusion.RootCause.Chain);
        Assert.Equal("volume-nearly-full", Assert.Single(conclusion.Warnings).Code);
        Assert.Empty(conclusion.Fixes);
    }

    [Fact]
    public async Task Walk_FullVolumeGcFailingAtSweep_ChainNamesTheSweepFailure()
    {
        await using var lab = await LabCluster.StartAsync(setup =>
        {
            setup.Layout.FillTo(95, LabCluster.TmpfsBytes);
            var sweepFailed = ClusterWalk.FixtureText("harbor-gc-15039-sweep-failed-500.log");
            return setup.Scenario with
            {
                RegistryLogPath = Path.Combine(Fixtures.Lab, "registry-5001-tmpfs-enospc.log"),
                GcPods = [ClusterWalk.GcPod("registry-gc-29402880", Day, "Failed", sweepFailed)],
            };
        }, o => ClusterWalk.UseCronJobGc(o, "registry-gc"));

        var (investigation, conclusion) = await ClusterWalk.RunAsync(lab, Investigations.BrokenCache());

        Assert.Equal(GcOutcomes.FailedSweep, investigation.Clues.GcOutcome);
        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        var gcLink = conclusion.RootCause.Chain.Single(l => l.Step == StepName.Gc);
        Assert.Equal(GcOutcomes.FailedSweep, gcLink.Facts["gcOutcome"]);
        Assert.StartsWith("failed to execute GC job at sweep phase", gcLink.Facts["gcDetail"]);
        var runGc = conclusion.Fixes.Single(f => f.Kind == FixKind.RunGc);
        Assert.Contains("gc-failure-cause-addressed", runGc.Preconditions);
        ClusterWalk.AssertNoUnsafeFix(conclusion, resizeAllowed: false, gcAllowed: true);
        Assert.Equal("2026-12-03 18:45:45 UTC", conclusion.RootCause.Facts["firstNoSpaceAt"]);
    }

    [Fact]
    public async Task Walk_FullVolumeOnStorageClassWithoutExpansion_OffersNoResize()
    {
        await using var lab = await LabCluster.StartAsync(setup =>
        {
            setup.Layout.FillTo(95, LabCluster.TmpfsBytes);
            return setup.Scenario with
            {
                AllowVolumeExpansion = false,
                RegistryLogPath = Path.Combine(Fixtures.Lab, "registry-5001-tmpfs-enospc.log"),
            };
        });

        var (investigation, conclusion) = await ClusterWalk.RunAsync(lab, Investigations.BrokenCache());

        Assert.False(investigation.Clues.VolumeExpandable);
        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        ClusterWalk.AssertNoUnsafeFix(conclusion, resizeAllowed: false, gcAllowed: true);
        Assert.Contains(conclusion.Warnings, w => w.Code == "volume-not-expandable");
        Assert.Equal("gc-not-checked", conclusion.RootCause.Chain.Single(l => l.Step == StepName.Gc).Code);
    }

    /// <summary>
    /// A refused exec upgrade carries no reason the client can read, so whichever verb RBAC lacks
    /// (<c>create</c>, or <c>get</c> that older API servers check), the finding names both.
    /// </summary>
    [Theory]
    [InlineData("create")]
    [InlineData("get")]
    public async Task Walk_ExecForbidden_FindingNamesBothExecVerbsAndNoClusterFix(string forbiddenVerb)
    {
        await using var lab = await LabCluster.StartAsync(setup =>
        {
            setup.Layout.FillTo(95, LabCluster.TmpfsBytes);
            return setup.Scenario with
            {
                Forbidden = [new ForbiddenRule { Verb = forbiddenVerb, Resource = "pods/exec" }],
            };
        });

        var (investigation, conclusion) = await ClusterWalk.RunAsync(lab, Investigations.BrokenCache());

        var volume = investigation.Step(StepName.Volume);
        Assert.Equal(StepStatus.CouldNotCheck, volume.Status);
        Assert.Equal(VolumeFindings.Forbidden, volume.Finding.Code);
        Assert.Equal("pods/exec", volume.Finding.Facts["resource"]);
        Assert.Equal("create and get", volume.Finding.Facts["verbs"]);
        Assert.Null(investigation.Clues.VolumeUsePercent);
        Assert.Equal(RootCauseCode.CacheBlobMissingOrEmpty, conclusion.RootCause.Code);
        ClusterWalk.AssertNoUnsafeFix(conclusion, resizeAllowed: false, gcAllowed: false);
    }

    /// <summary>A roomy volume (40 %) holding one blob, a quiet registry log, and these GC pods of a CronJob.</summary>
    private static Task<LabCluster> HealthyVolumeAsync(params GcPodScenario[] gcPods) =>
        LabCluster.StartAsync(setup =>
        {
            setup.Layout.Blob(new string('1', 64), 64 * 1024);
            setup.Layout.FillTo(40, LabCluster.TmpfsBytes);
            return setup.Scenario with
            {
                RegistryLogPath = Path.Combine(Fixtures.Lab, "registry-startup.log"),
                GcPods = [.. gcPods],
            };
        }, o => ClusterWalk.UseCronJobGc(o, "registry-gc"));

    private static byte[] RandomBytes(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}

using Bot.Core.Diagnosis;
using Bot.Core.Investigations;

namespace Bot.Kubernetes.Tests.Diagnosis;

public sealed class DiagnoserTests
{
    private static readonly (StepName, StepStatus)[] BlobsBroken = [(StepName.Blobs, StepStatus.ProblemFound)];

    [Fact]
    public void Diagnose_SeedFullVolumeBrokenBlobGcFailing_NamesTheFullVolumeWithTheWholeChain()
    {
        var investigation = Investigations.Walked(
            Investigations.Seed(),
            (StepName.Blobs, StepStatus.ProblemFound),
            (StepName.Volume, StepStatus.ProblemFound),
            (StepName.Gc, StepStatus.ProblemFound));

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        Assert.Equal(
            ["ci-failed-on-cache", "cache-points-at-broken-blob", "volume-ran-out-during-push", "gc-failing"],
            conclusion.RootCause.Chain.Select(l => l.Code));
        Assert.Equal(
            [StepName.CiLog, StepName.Blobs, StepName.Volume, StepName.Gc],
            conclusion.RootCause.Chain.Select(l => l.Step));
        var volume = conclusion.RootCause.Chain[2].Facts;
        Assert.Equal("2026-03-17 14:22:31 UTC", volume["firstNoSpaceAt"]);
        Assert.Equal("true", volume["noSpaceNamesBrokenBlob"]);
        Assert.Equal(GcOutcomes.FailedNoSpace, conclusion.RootCause.Chain[3].Facts["gcOutcome"]);
    }

    [Fact]
    public void Diagnose_Seed_OffersRepairInOrderWithPreconditions()
    {
        var investigation = Investigations.Walked(Investigations.Seed(), BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(
            [FixKind.DeleteCacheManifest, FixKind.RunGc, FixKind.ResizePvc, FixKind.RerunCi],
            conclusion.Fixes.Select(f => f.Kind));
        var resize = conclusion.Fixes.Single(f => f.Kind == FixKind.ResizePvc);
        Assert.Equal("harbor-registry", resize.Facts["pvc"]);
        Assert.Equal("50Gi", resize.Facts["currentSize"]);
        Assert.Equal("75Gi", resize.Facts["proposedSize"]);
        Assert.Equal(
            ["pvc-bound", "storage-class-allows-expansion", "new-size-larger", "resize-dry-run-accepted"],
            resize.Preconditions);
        var gc = conclusion.Fixes.Single(f => f.Kind == FixKind.RunGc);
        Assert.Equal(["no-gc-running", "registry-read-only-during-gc", "gc-failure-cause-addressed"], gc.Preconditions);
        Assert.Empty(conclusion.Warnings);
    }

    [Fact]
    public void Diagnose_BlobMissingVolumeAt40PercentGcClean_IsNotADiskProblemAndOffersNoResize()
    {
        var investigation = Investigations.Walked(
            Investigations.HealthyVolume(Investigations.BrokenCache()), BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.CacheBlobLostVolumeHealthy, conclusion.RootCause.Code);
        Assert.Equal("40", conclusion.RootCause.Facts["volumeUsePercent"]);
        Assert.Equal(GcOutcomes.Succeeded, conclusion.RootCause.Facts["gcOutcome"]);
        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind is FixKind.ResizePvc or FixKind.RunGc);
        Assert.Contains(conclusion.Fixes, f => f.Kind == FixKind.DeleteCacheManifest);
        Assert.Empty(conclusion.Warnings);
    }

    [Fact]
    public void Diagnose_BlobMissingVolumeAt40PercentOnlyDryRuns_NotCleanGcAndWarnsThatGcHasNotRun()
    {
        var clues = Investigations.HealthyVolume(Investigations.BrokenCache()) with
        {
            GcOutcome = GcOutcomes.DryRun,
            GcLastSuccessAt = null,
        };
        var investigation = Investigations.Walked(clues, BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.CacheBlobLostVolumeHealthy, conclusion.RootCause.Code);
        Assert.Equal(GcOutcomes.DryRun, conclusion.RootCause.Facts["gcOutcome"]);
        Assert.Equal("gc-only-dry-runs", Assert.Single(conclusion.Warnings).Code);
        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind is FixKind.ResizePvc or FixKind.RunGc);
    }

    [Fact]
    public void Diagnose_SeedWithOnlyDryRuns_ChainSaysGcHasNotReallyRunAndOffersARealRun()
    {
        var clues = Investigations.Seed() with
        {
            GcOutcome = GcOutcomes.DryRun,
            GcFailureDetail = null,
            GcLastSuccessAt = null,
        };
        var investigation = Investigations.Walked(clues, BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        Assert.Equal("gc-only-dry-runs", conclusion.RootCause.Chain.Single(l => l.Step == StepName.Gc).Code);
        var runGc = conclusion.Fixes.Single(f => f.Kind == FixKind.RunGc);
        Assert.DoesNotContain("gc-failure-cause-addressed", runGc.Preconditions);
    }

    [Fact]
    public void Diagnose_NearlyFullVolumeIntactCache_IsAWarningNotTheCause()
    {
        var clues = Investigations.Seed() with
        {
            BrokenBlobs = [],
            RegistryWriteErrors = [],
            GcOutcome = GcOutcomes.Succeeded,
            GcFailureDetail = null,
        };
        var investigation = Investigations.Walked(clues, (StepName.Volume, StepStatus.ProblemFound));

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.NotEqual(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        Assert.Equal(RootCauseCode.NothingWrongFound, conclusion.RootCause.Code);
        var warning = Assert.Single(conclusion.Warnings);
        Assert.Equal("volume-nearly-full", warning.Code);
        Assert.Equal("96", warning.Facts["volumeUsePercent"]);
        Assert.Empty(conclusion.Fixes);
    }

    [Fact]
    public void Diagnose_SeedButGcFailsAtSweep_ChainSaysWhyAndGcNeedsThatFixedFirst()
    {
        var clues = Investigations.Seed() with
        {
            GcOutcome = GcOutcomes.FailedSweep,
            GcFailureDetail = "failed to execute GC job at sweep phase, error: http status code: 500",
        };
        var investigation = Investigations.Walked(clues, BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        var gcLink = conclusion.RootCause.Chain.Single(l => l.Step == StepName.Gc);
        Assert.Equal("gc-failing", gcLink.Code);
        Assert.Equal(GcOutcomes.FailedSweep, gcLink.Facts["gcOutcome"]);
        Assert.Contains("sweep phase", gcLink.Facts["gcDetail"]);
        var gc = conclusion.Fixes.Single(f => f.Kind == FixKind.RunGc);
        Assert.Contains("gc-failure-cause-addressed", gc.Preconditions);
        Assert.Equal(GcOutcomes.FailedSweep, gc.Facts["gcOutcome"]);
        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind == FixKind.ResizePvc);
    }

    [Fact]
    public void Diagnose_GcFailingForOtherReasonWithHealthyVolumeAndIntactCache_WarnsOnly()
    {
        var clues = Investigations.HealthyVolume(Investigations.IntactCache()) with
        {
            GcOutcome = GcOutcomes.RegistryUnreachable,
            GcFailureDetail = "failed to start gc as registry controller is unreachable",
        };
        var investigation = Investigations.Walked(clues, (StepName.Gc, StepStatus.ProblemFound));

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.NothingWrongFound, conclusion.RootCause.Code);
        Assert.Equal("gc-failing", Assert.Single(conclusion.Warnings).Code);
        Assert.Empty(conclusion.Fixes);
    }

    [Fact]
    public void Diagnose_SeedOnStorageClassWithoutExpansion_OffersNoResizeAndSaysWhy()
    {
        var investigation = Investigations.Walked(Investigations.Seed() with { VolumeExpandable = false }, BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind == FixKind.ResizePvc);
        Assert.Contains(conclusion.Fixes, f => f.Kind == FixKind.RunGc);
        Assert.Equal("volume-not-expandable", Assert.Single(conclusion.Warnings).Code);
    }

    [Fact]
    public void Diagnose_SeedWithExpansionUnknown_OffersNoResize()
    {
        var investigation = Investigations.Walked(Investigations.Seed() with { VolumeExpandable = null }, BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind == FixKind.ResizePvc);
    }

    [Fact]
    public void Diagnose_SeedWithResizeAlreadyPending_OffersNoSecondResize()
    {
        var investigation = Investigations.Walked(
            Investigations.Seed() with { VolumeResizeInProgress = true }, BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind == FixKind.ResizePvc);
        Assert.Contains(conclusion.Warnings, w => w.Code == "volume-resize-in-progress");
    }

    [Fact]
    public void Diagnose_BrokenBlobVolumeNotChecked_KeepsTheCacheCauseWithoutClusterFixes()
    {
        var investigation = Investigations.Walked(
            Investigations.BrokenCache(),
            (StepName.Blobs, StepStatus.ProblemFound),
            (StepName.Volume, StepStatus.CouldNotCheck),
            (StepName.Gc, StepStatus.Skipped));

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.CacheBlobMissingOrEmpty, conclusion.RootCause.Code);
        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind is FixKind.ResizePvc or FixKind.RunGc);
    }

    [Fact]
    public void Diagnose_VolumeHasRoomNowButLoggedNoSpace_StillBlamesTheDiskButOffersNoResize()
    {
        var clues = Investigations.Seed() with
        {
            VolumeUsePercent = 40,
            GcOutcome = GcOutcomes.Succeeded,
            GcFailureDetail = null,
        };
        var investigation = Investigations.Walked(clues, BlobsBroken);

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        var volumeLink = conclusion.RootCause.Chain.Single(l => l.Step == StepName.Volume);
        Assert.Equal("volume-ran-out-during-push", volumeLink.Code);
        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind is FixKind.ResizePvc or FixKind.RunGc);
    }

    [Fact]
    public void Diagnose_CorruptManifestOnFullDisk_ChainStartsFromTheEmptyManifest()
    {
        var clues = Investigations.Seed() with { BrokenBlobs = [], RegistryProblem = RegistryProblems.ManifestCorrupt };
        var investigation = Investigations.Walked(clues, (StepName.Manifest, StepStatus.ProblemFound));

        var conclusion = Diagnoser.Diagnose(investigation);

        Assert.Equal(RootCauseCode.VolumeFullCorruptedCache, conclusion.RootCause.Code);
        Assert.Equal("cache-manifest-stored-empty", conclusion.RootCause.Chain[1].Code);
    }

    [Fact]
    public void Diagnose_ExistingRulesWithoutClusterClues_Unchanged()
    {
        var unreachable = Investigations.Walked(
            Investigations.IntactCache() with { RegistryProblem = RegistryProblems.Unreachable });
        var fine = Investigations.Walked(Investigations.IntactCache());

        Assert.Equal(RootCauseCode.RegistryUnreachable, Diagnoser.Diagnose(unreachable).RootCause.Code);
        Assert.Equal(RootCauseCode.NothingWrongFound, Diagnoser.Diagnose(fine).RootCause.Code);
        Assert.Empty(Diagnoser.Diagnose(fine).Warnings);
    }

    [Theory]
    [InlineData("50Gi", "75Gi")]
    [InlineData("20Mi", "1Gi")]
    [InlineData("1Ti", "1536Gi")]
    [InlineData("50G", null)]
    [InlineData("lots", null)]
    [InlineData(null, null)]
    public void ProposeLarger_Quantity_GrowsByHalfOrRefuses(string? current, string? expected)
    {
        var proposed = StorageSize.ProposeLarger(current);

        Assert.Equal(expected, proposed);
    }
}

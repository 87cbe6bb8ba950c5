using System.Globalization;
using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>
/// Builds the chain "CI failure ← broken cache ← volume out of space ← GC not freeing space",
/// one link per step, each with the facts that step recorded. A link the evidence does not
/// support is left out rather than assumed.
/// </summary>
internal static class CauseChain
{
    public const string CiFailedOnCache = "ci-failed-on-cache";
    public const string CachePointsAtBrokenBlob = "cache-points-at-broken-blob";
    public const string CacheManifestStoredEmpty = "cache-manifest-stored-empty";
    public const string VolumeRanOutDuringPush = "volume-ran-out-during-push";
    public const string VolumeFull = "volume-full";
    public const string GcFailing = "gc-failing";
    public const string GcNeverRan = "gc-never-ran";
    public const string GcInProgress = "gc-in-progress";
    public const string GcOnlyDryRuns = "gc-only-dry-runs";
    public const string GcSucceededSpaceStillShort = "gc-succeeded-space-still-short";
    public const string GcNotChecked = "gc-not-checked";

    public static IReadOnlyCollection<string> Codes { get; } =
    [
        CiFailedOnCache, CachePointsAtBrokenBlob, CacheManifestStoredEmpty, VolumeRanOutDuringPush, VolumeFull,
        GcFailing, GcNeverRan, GcInProgress, GcOnlyDryRuns, GcSucceededSpaceStillShort, GcNotChecked,
    ];

    public static IReadOnlyList<CauseLink> ForFullVolume(Clues clues, DiskEvidence disk)
    {
        var links = new List<CauseLink>();
        if (clues.CiErrorClass is not null)
        {
            links.Add(Link(
                CiFailedOnCache, StepName.CiLog, ("ciErrorClass", clues.CiErrorClass), ("ref", clues.ImageRef)));
        }

        links.Add(CacheLink(clues));
        links.Add(VolumeLink(clues, disk));
        links.Add(GcLink(clues));
        return links;
    }

    private static CauseLink CacheLink(Clues clues)
    {
        if (clues.BrokenBlobs.Count == 0)
        {
            return Link(
                CacheManifestStoredEmpty, StepName.Manifest,
                ("ref", clues.ImageRef), ("manifestDigest", clues.ManifestDigest)) with
            {
                Marks = clues.ManifestDigest is { } digest ? [digest] : [],
            };
        }

        var blob = clues.BrokenBlobs[0];
        var link = Link(
            CachePointsAtBrokenBlob,
            StepName.Blobs,
            ("ref", clues.ImageRef),
            ("blobDigest", blob.Digest),
            ("condition", blob.Condition),
            ("onDisk", clues.BrokenBlobOnDisk is bool onDisk ? (onDisk ? "true" : "false") : null),
            ("sizeOnDisk", clues.BrokenBlobSizeOnDisk?.ToString(CultureInfo.InvariantCulture)),
            ("expectedSize", blob.ExpectedSize.ToString(CultureInfo.InvariantCulture)));
        return link with { Marks = [blob.Digest] };
    }

    private static CauseLink VolumeLink(Clues clues, DiskEvidence disk)
    {
        var facts = new Dictionary<string, string>();
        disk.AddFacts(facts);
        var code = disk.NoSpaceErrors.Count > 0 ? VolumeRanOutDuringPush : VolumeFull;

        // df's use column ("96%") and the registry log's failed writes ("no-space: 5 from …").
        List<string> marks = [];
        if (clues.VolumeUsePercent is { } percent)
            marks.Add(percent.ToString(CultureInfo.InvariantCulture) + "%");
        if (disk.NoSpaceErrors.Count > 0)
            marks.Add(RegistryWriteErrorKinds.NoSpace + ":");
        return new CauseLink(code, StepName.Volume, facts) { Marks = marks };
    }

    private static CauseLink GcLink(Clues clues)
    {
        var code = clues.GcOutcome switch
        {
            _ when GcOutcomes.IsFailure(clues.GcOutcome) => GcFailing,
            GcOutcomes.NeverRan => GcNeverRan,
            GcOutcomes.InProgress => GcInProgress,
            GcOutcomes.DryRun => GcOnlyDryRuns,
            GcOutcomes.Succeeded => GcSucceededSpaceStillShort,
            _ => GcNotChecked,
        };
        var link = Link(
            code,
            StepName.Gc,
            ("gcOutcome", clues.GcOutcome),
            ("gcDetail", clues.GcFailureDetail),
            ("gcLastRunAt", DiskEvidence.Time(clues.GcLastRunAt)),
            ("gcLastSuccessAt", DiskEvidence.Time(clues.GcLastSuccessAt)),
            ("gcFailedRuns", clues.GcFailedRunsSinceSuccess?.ToString(CultureInfo.InvariantCulture)));
        return link with { Marks = clues.GcOutcome is { } outcome ? [": " + outcome] : [] };
    }

    private static CauseLink Link(string code, StepName step, params (string Key, string? Value)[] facts) =>
        new(code, step, facts.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));
}

using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>
/// Turns the recorded steps into one named cause and the fixes that follow from it. Rules run
/// from the most specific evidence to the least; when nothing fits, the answer is
/// <see cref="RootCauseCode.Inconclusive"/>, never a guess.
/// </summary>
public static class Diagnoser
{
    /// <summary>Every precondition an offered fix can carry; each has a prompt.</summary>
    public static IReadOnlyCollection<string> PreconditionCodes { get; } =
    [
        "tag-still-points-at-digest", "registry-allows-delete", "cache-repaired-first", "run-is-latest-attempt",
        .. ClusterFixes.PreconditionCodes,
    ];

    /// <summary>Every warning code a conclusion can carry; each has a prompt in <c>prompts/warnings/</c>.</summary>
    public static IReadOnlyCollection<string> WarningCodes => DiagnosisWarnings.Codes;

    /// <summary>Every cause-chain link code; each has a prompt in <c>prompts/chain/</c>.</summary>
    public static IReadOnlyCollection<string> ChainLinkCodes => CauseChain.Codes;

    public static Conclusion Diagnose(Investigation investigation)
    {
        var clues = investigation.Clues;
        var steps = investigation.Steps.ToDictionary(s => s.Step);
        var disk = DiskEvidence.From(clues);
        var cause = FindCause(clues, steps, disk);
        return new Conclusion(cause, OfferFixes(cause, clues, disk))
        {
            Warnings = DiagnosisWarnings.For(cause, clues, disk),
        };
    }

    private static RootCause FindCause(Clues clues, Dictionary<StepName, StepRecord> steps, DiskEvidence disk)
    {
        var facts = new Dictionary<string, string>();
        AddIfKnown(facts, "ref", clues.ImageRef);
        AddIfKnown(facts, "manifestDigest", clues.ManifestDigest);
        AddIfKnown(facts, "ciErrorClass", clues.CiErrorClass);
        AddIfKnown(facts, "run", clues.RunLink?.Url.ToString());

        if (clues.BrokenBlobs.Count > 0)
        {
            var first = clues.BrokenBlobs[0];
            facts["blobDigest"] = first.Digest;
            facts["condition"] = first.Condition;
            facts["brokenCount"] = clues.BrokenBlobs.Count.ToString();
            return BrokenBlobCause(clues, steps, disk, facts);
        }

        var problem = clues.RegistryProblem;
        if (problem is not null)
            AddIfKnown(facts, "problem", problem);

        if (RegistryProblems.IsUnreachable(problem))
            return Cause(RootCauseCode.RegistryUnreachable, facts, steps, StepName.Manifest, StepName.Blobs);
        if (RegistryProblems.IsAuth(problem))
            return Cause(RootCauseCode.RegistryAuthFailed, facts, steps, StepName.Manifest, StepName.Blobs);
        if (problem == RegistryProblems.TooManyRequests)
            return Cause(RootCauseCode.RegistryRateLimited, facts, steps, StepName.Manifest, StepName.Blobs);
        if (problem == RegistryProblems.ManifestCorrupt && disk.RanOutOfSpace)
            return FullVolumeCause(clues, steps, disk, facts);
        if (problem == RegistryProblems.ManifestCorrupt)
            return Cause(RootCauseCode.CacheManifestCorrupt, facts, steps, StepName.CiLog, StepName.Manifest);
        if (problem is RegistryProblems.ManifestUnknown or RegistryProblems.NameUnknown)
            return Cause(RootCauseCode.CacheManifestMissing, facts, steps, StepName.CiLog, StepName.Manifest);
        if (RegistryProblems.IsGarbage(problem) || problem == RegistryProblems.MediaTypeRefused)
            return Cause(RootCauseCode.RegistryAnsweredGarbage, facts, steps, StepName.Manifest, StepName.Blobs);

        // A green run has nothing to explain; a volume or GC problem seen on the way is a warning.
        if (clues.CiRunFailed == false && clues.ImageRef is null)
            return Cause(RootCauseCode.RunDidNotFail, facts, steps, StepName.CiLog);

        var registryChecked = IsFine(steps, StepName.Manifest) && IsFine(steps, StepName.Blobs);
        if (clues.CiFailureInvolvesRegistry == false && (registryChecked || clues.ImageRef is null))
            return Cause(RootCauseCode.UnrelatedToRegistry, facts, steps, StepName.CiLog);
        // A full volume or a failing GC is not what broke an intact cache; it becomes a warning.
        var cacheStepsFoundProblem = steps.Values
            .Any(s => s.Status == StepStatus.ProblemFound && s.Step is not (StepName.Volume or StepName.Gc));
        if (registryChecked && !cacheStepsFoundProblem)
            return Cause(RootCauseCode.NothingWrongFound, facts, steps, StepName.Manifest, StepName.Blobs);

        return Cause(RootCauseCode.Inconclusive, facts, steps, [.. steps.Keys]);
    }

    /// <summary>
    /// A broken cache blob: the disk is blamed only on its own evidence (a logged no-space write,
    /// or a full volume now); a volume checked healthy clears it; an unchecked one leaves it open.
    /// </summary>
    private static RootCause BrokenBlobCause(
        Clues clues, Dictionary<StepName, StepRecord> steps, DiskEvidence disk, Dictionary<string, string> facts)
    {
        if (disk.RanOutOfSpace)
            return FullVolumeCause(clues, steps, disk, facts);

        if (disk.Healthy)
        {
            disk.AddFacts(facts);
            return Cause(
                RootCauseCode.CacheBlobLostVolumeHealthy, facts, steps,
                StepName.CiLog, StepName.Manifest, StepName.Blobs, StepName.Volume, StepName.Gc);
        }

        return Cause(
            RootCauseCode.CacheBlobMissingOrEmpty, facts, steps, StepName.CiLog, StepName.Manifest, StepName.Blobs);
    }

    private static RootCause FullVolumeCause(
        Clues clues, Dictionary<StepName, StepRecord> steps, DiskEvidence disk, Dictionary<string, string> facts)
    {
        disk.AddFacts(facts);
        var cause = Cause(
            RootCauseCode.VolumeFullCorruptedCache, facts, steps,
            StepName.CiLog, StepName.Manifest, StepName.Blobs, StepName.Volume, StepName.Gc);
        return cause with { Chain = CauseChain.ForFullVolume(clues, disk) };
    }

    private static List<OfferedFix> OfferFixes(RootCause cause, Clues clues, DiskEvidence disk)
    {
        var fixes = new List<OfferedFix>();
        var cacheIsBroken = cause.Code is RootCauseCode.CacheBlobMissingOrEmpty or RootCauseCode.CacheManifestCorrupt
            or RootCauseCode.VolumeFullCorruptedCache or RootCauseCode.CacheBlobLostVolumeHealthy;

        // Deleting is only ever by digest (a tag delete is refused by distribution 2.8), so
        // without a digest there is nothing safe to offer.
        if (cacheIsBroken && clues.ImageRef is not null && clues.ManifestDigest is not null)
        {
            fixes.Add(new OfferedFix(
                FixKind.DeleteCacheManifest,
                new Dictionary<string, string> { ["ref"] = clues.ImageRef, ["digest"] = clues.ManifestDigest },
                ["tag-still-points-at-digest", "registry-allows-delete"]));
        }

        // Repair order (DOMAIN §4.3): delete the manifest, then GC, then room to grow, then re-run.
        if (cause.Code == RootCauseCode.VolumeFullCorruptedCache)
        {
            if (ClusterFixes.RunGc(clues, disk) is { } runGc)
                fixes.Add(runGc);
            if (ClusterFixes.ResizePvc(clues, disk) is { } resize)
                fixes.Add(resize);
        }

        if (cacheIsBroken && clues.RunLink is not null)
        {
            fixes.Add(new OfferedFix(
                FixKind.RerunCi,
                new Dictionary<string, string> { ["run"] = clues.RunLink.Url.ToString() },
                ["cache-repaired-first", "run-is-latest-attempt"]));
        }

        return fixes;
    }

    private static RootCause Cause(
        RootCauseCode code,
        Dictionary<string, string> facts,
        Dictionary<StepName, StepRecord> steps,
        params StepName[] support) =>
        new(code, facts, [.. support.Where(steps.ContainsKey)]);

    private static bool IsFine(Dictionary<StepName, StepRecord> steps, StepName step) =>
        steps.TryGetValue(step, out var record) && record.Status == StepStatus.Fine;

    private static void AddIfKnown(Dictionary<string, string> facts, string key, string? value)
    {
        if (value is not null)
            facts[key] = value;
    }
}

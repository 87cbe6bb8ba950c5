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
        ["tag-still-points-at-digest", "registry-allows-delete", "cache-repaired-first", "run-is-latest-attempt"];

    public static Conclusion Diagnose(Investigation investigation)
    {
        var clues = investigation.Clues;
        var steps = investigation.Steps.ToDictionary(s => s.Step);
        var cause = FindCause(clues, steps);
        return new Conclusion(cause, OfferFixes(cause, clues));
    }

    private static RootCause FindCause(Clues clues, Dictionary<StepName, StepRecord> steps)
    {
        var facts = new Dictionary<string, string>();
        AddIfKnown(facts, "ref", clues.ImageRef);
        AddIfKnown(facts, "manifestDigest", clues.ManifestDigest);
        AddIfKnown(facts, "ciErrorClass", clues.CiErrorClass);

        if (clues.BrokenBlobs.Count > 0)
        {
            var first = clues.BrokenBlobs[0];
            facts["blobDigest"] = first.Digest;
            facts["condition"] = first.Condition;
            facts["brokenCount"] = clues.BrokenBlobs.Count.ToString();
            return Cause(RootCauseCode.CacheBlobMissingOrEmpty, facts, steps, StepName.CiLog, StepName.Manifest, StepName.Blobs);
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
        if (problem == RegistryProblems.ManifestCorrupt)
            return Cause(RootCauseCode.CacheManifestCorrupt, facts, steps, StepName.CiLog, StepName.Manifest);
        if (problem is RegistryProblems.ManifestUnknown or RegistryProblems.NameUnknown)
            return Cause(RootCauseCode.CacheManifestMissing, facts, steps, StepName.CiLog, StepName.Manifest);
        if (RegistryProblems.IsGarbage(problem) || problem == RegistryProblems.MediaTypeRefused)
            return Cause(RootCauseCode.RegistryAnsweredGarbage, facts, steps, StepName.Manifest, StepName.Blobs);

        var registryChecked = IsFine(steps, StepName.Manifest) && IsFine(steps, StepName.Blobs);
        if (clues.CiFailureInvolvesRegistry == false && (registryChecked || clues.ImageRef is null))
            return Cause(RootCauseCode.UnrelatedToRegistry, facts, steps, StepName.CiLog);
        if (registryChecked && !steps.Values.Any(s => s.Status == StepStatus.ProblemFound))
            return Cause(RootCauseCode.NothingWrongFound, facts, steps, StepName.Manifest, StepName.Blobs);

        return Cause(RootCauseCode.Inconclusive, facts, steps, [.. steps.Keys]);
    }

    private static List<OfferedFix> OfferFixes(RootCause cause, Clues clues)
    {
        var fixes = new List<OfferedFix>();
        var cacheIsBroken = cause.Code is RootCauseCode.CacheBlobMissingOrEmpty or RootCauseCode.CacheManifestCorrupt;

        // Deleting is only ever by digest (a tag delete is refused by distribution 2.8), so
        // without a digest there is nothing safe to offer.
        if (cacheIsBroken && clues.ImageRef is not null && clues.ManifestDigest is not null)
        {
            fixes.Add(new OfferedFix(
                FixKind.DeleteCacheManifest,
                new Dictionary<string, string> { ["ref"] = clues.ImageRef, ["digest"] = clues.ManifestDigest },
                ["tag-still-points-at-digest", "registry-allows-delete"]));
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
        RootCauseCode code, Dictionary<string, string> facts, Dictionary<StepName, StepRecord> steps, params StepName[] support) =>
        new(code, facts, [.. support.Where(steps.ContainsKey)]);

    private static bool IsFine(Dictionary<StepName, StepRecord> steps, StepName step) =>
        steps.TryGetValue(step, out var record) && record.Status == StepStatus.Fine;

    private static void AddIfKnown(Dictionary<string, string> facts, string key, string? value)
    {
        if (value is not null)
            facts[key] = value;
    }
}

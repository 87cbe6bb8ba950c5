using System.Globalization;
using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>
/// Problems the walk saw that did not cause this failure. They are said out loud, apart from the
/// cause, so a nearly full volume is neither hidden nor blamed for a build it did not break.
/// </summary>
internal static class DiagnosisWarnings
{
    public const string VolumeNearlyFull = "volume-nearly-full";
    public const string VolumeNotExpandable = "volume-not-expandable";
    public const string VolumeResizeInProgress = "volume-resize-in-progress";
    public const string GcFailing = "gc-failing";
    public const string GcOnlyDryRuns = "gc-only-dry-runs";

    public static IReadOnlyCollection<string> Codes { get; } =
        [VolumeNearlyFull, VolumeNotExpandable, VolumeResizeInProgress, GcFailing, GcOnlyDryRuns];

    public static IReadOnlyList<Warning> For(RootCause cause, Clues clues, DiskEvidence disk)
    {
        var warnings = new List<Warning>();
        var diskIsTheCause = cause.Code == RootCauseCode.VolumeFullCorruptedCache;

        if (disk.Full && !diskIsTheCause)
            warnings.Add(Of(VolumeNearlyFull, ("volumeUsePercent", Percent(clues)), ("pvc", clues.PvcName)));

        if (disk.Full && clues.VolumeExpandable == false)
            warnings.Add(Of(VolumeNotExpandable, ("pvc", clues.PvcName), ("storageClass", clues.StorageClassName)));

        if (clues.VolumeResizeInProgress == true)
            warnings.Add(Of(VolumeResizeInProgress, ("pvc", clues.PvcName)));

        if (disk.GcFailing && !diskIsTheCause)
            warnings.Add(Of(GcFailing, ("gcOutcome", clues.GcOutcome), ("gcDetail", clues.GcFailureDetail)));

        // Dry runs free nothing: a registry whose GC only ever estimated is filling up unseen.
        if (clues.GcOutcome == GcOutcomes.DryRun && !diskIsTheCause)
            warnings.Add(Of(GcOnlyDryRuns, ("gcLastRunAt", DiskEvidence.Time(clues.GcLastRunAt))));

        return warnings;
    }

    private static string? Percent(Clues clues) => clues.VolumeUsePercent?.ToString(CultureInfo.InvariantCulture);

    private static Warning Of(string code, params (string Key, string? Value)[] facts) =>
        new(code, facts.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));
}

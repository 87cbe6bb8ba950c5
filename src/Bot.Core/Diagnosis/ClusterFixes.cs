using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>
/// The fixes that act on the cluster: run GC, grow the PVC. Offered only when the disk is the
/// cause, and a resize only where the StorageClass allows it, none is under way already, and GC is
/// not failing for a reason other than space.
/// </summary>
internal static class ClusterFixes
{
    public const string NoGcRunning = "no-gc-running";
    public const string RegistryReadOnlyDuringGc = "registry-read-only-during-gc";
    public const string GcFailureCauseAddressed = "gc-failure-cause-addressed";
    public const string PvcBound = "pvc-bound";
    public const string StorageClassAllowsExpansion = "storage-class-allows-expansion";
    public const string NewSizeLarger = "new-size-larger";
    public const string ResizeDryRunAccepted = "resize-dry-run-accepted";

    public static IReadOnlyCollection<string> PreconditionCodes { get; } =
    [
        NoGcRunning, RegistryReadOnlyDuringGc, GcFailureCauseAddressed, PvcBound, StorageClassAllowsExpansion,
        NewSizeLarger, ResizeDryRunAccepted,
    ];

    public static OfferedFix? RunGc(Clues clues, DiskEvidence disk)
    {
        // A run already going is not interrupted by a second offer; with no full disk there is nothing to win.
        if (!disk.Full && !disk.GcFailing || clues.GcOutcome == GcOutcomes.InProgress)
            return null;

        var facts = new Dictionary<string, string>();
        disk.AddFacts(facts);
        List<string> preconditions = [NoGcRunning, RegistryReadOnlyDuringGc];
        if (disk.GcFailing)
            preconditions.Add(GcFailureCauseAddressed);

        return new OfferedFix(FixKind.RunGc, facts, preconditions);
    }

    public static OfferedFix? ResizePvc(Clues clues, DiskEvidence disk)
    {
        if (!disk.Full || clues.VolumeExpandable != true || clues.VolumeResizeInProgress == true)
            return null;

        // A PVC never shrinks. While GC fails for another reason than space, the space it should
        // free is still held: GC is mended and run first, and a resize is not offered yet.
        if (disk.GcFailing && clues.GcOutcome != GcOutcomes.FailedNoSpace)
            return null;
        if (clues.PvcName is null)
            return null;

        var proposed = StorageSize.ProposeLarger(clues.PvcRequestedSize);
        if (proposed is null)
            return null;

        var facts = new Dictionary<string, string>
        {
            ["pvc"] = clues.PvcName,
            ["currentSize"] = clues.PvcRequestedSize!,
            ["proposedSize"] = proposed,
        };
        if (clues.StorageClassName is not null)
            facts["storageClass"] = clues.StorageClassName;

        return new OfferedFix(
            FixKind.ResizePvc, facts, [PvcBound, StorageClassAllowsExpansion, NewSizeLarger, ResizeDryRunAccepted]);
    }
}

using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Volume;

namespace Bot.Kubernetes.Tests.Diagnosis;

/// <summary>Builds walked investigations from clues and step statuses, for the diagnosis to judge.</summary>
internal static class Investigations
{
    public const string Ref = "registry.internal:5000/app:cache";
    public const string ManifestDigest = "sha256:08988124117c38c00be67fae5b180b2f0fd93defe714b66c232f473a7b23c88e";
    public const string BlobDigest = "sha256:a8f2b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7";

    private static readonly DateTimeOffset Now = new(2026, 3, 19, 9, 0, 0, TimeSpan.Zero);

    public static RunLink Run { get; } =
        new(new Uri("https://github.com/acme/app/actions/runs/42"), "acme", "app", 42, null);

    /// <summary>A cache whose blob is missing; the caller adds what the volume and GC steps found.</summary>
    public static Clues BrokenCache() => new()
    {
        RunLink = Run,
        ImageRef = Ref,
        CiErrorClass = "cache-blob-not-found",
        CiFailureInvolvesRegistry = true,
        ManifestDigest = ManifestDigest,
        BrokenBlobs = [new BrokenBlob(BlobDigest, "missing", "layer", 4821, null)],
    };

    public static Clues IntactCache() => BrokenCache() with
    {
        BrokenBlobs = [],
        CiErrorClass = "build-step-failed",
        CiFailureInvolvesRegistry = true,
    };

    /// <summary>
    /// The seed: 96 % full, a no-space write for the blob during a push, GC failing for lack of space.
    /// </summary>
    public static Clues Seed() => BrokenCache() with
    {
        PvcName = "harbor-registry",
        StorageClassName = "standard",
        PvcRequestedSize = "50Gi",
        VolumeUsePercent = 96,
        VolumeFullThresholdPercent = 90,
        VolumeExpandable = true,
        VolumeResizeInProgress = false,
        BrokenBlobOnDisk = false,
        RegistryWriteErrors =
        [
            new RegistryWriteError(
                RegistryWriteErrorKinds.NoSpace,
                new DateTimeOffset(2026, 3, 17, 14, 22, 31, TimeSpan.Zero),
                BlobDigest,
                "PUT"),
            new RegistryWriteError(
                RegistryWriteErrorKinds.NoSpace,
                new DateTimeOffset(2026, 3, 17, 14, 25, 0, TimeSpan.Zero),
                null,
                "PATCH"),
        ],
        GcOutcome = GcOutcomes.FailedNoSpace,
        GcFailureDetail = "GC failed: filesystem is almost full, refusing to operate",
        GcLastRunAt = new DateTimeOffset(2026, 3, 18, 2, 0, 0, TimeSpan.Zero),
        GcLastSuccessAt = new DateTimeOffset(2026, 3, 14, 2, 0, 0, TimeSpan.Zero),
        GcFailedRunsSinceSuccess = 4,
    };

    public static Clues HealthyVolume(Clues clues) => clues with
    {
        PvcName = "harbor-registry",
        StorageClassName = "standard",
        PvcRequestedSize = "50Gi",
        VolumeUsePercent = 40,
        VolumeFullThresholdPercent = 90,
        VolumeExpandable = true,
        RegistryWriteErrors = [],
        GcOutcome = GcOutcomes.Succeeded,
        GcLastRunAt = new DateTimeOffset(2026, 3, 18, 2, 0, 0, TimeSpan.Zero),
        GcLastSuccessAt = new DateTimeOffset(2026, 3, 18, 2, 0, 0, TimeSpan.Zero),
        GcFailedRunsSinceSuccess = 0,
    };

    /// <summary>
    /// Walks every step with the given statuses (Fine by default) and ends with <paramref name="clues"/>.
    /// </summary>
    public static Investigation Walked(Clues clues, params (StepName Step, StepStatus Status)[] statuses) =>
        Walked(clues, new Dictionary<StepName, Evidence[]>(), statuses);

    /// <summary>
    /// As <see cref="Walked(Clues, ValueTuple{StepName, StepStatus}[])"/>, with these steps' evidence.
    /// </summary>
    public static Investigation Walked(
        Clues clues,
        IReadOnlyDictionary<StepName, Evidence[]> evidence,
        params (StepName Step, StepStatus Status)[] statuses)
    {
        var investigation = Investigation.Open("inv-1", TriageTarget.ForRun(Run.Url.ToString(), Run), Now);
        investigation.Begin(Now);
        var given = statuses.ToDictionary(s => s.Step, s => s.Status);
        foreach (var step in Enum.GetValues<StepName>())
        {
            var status = given.GetValueOrDefault(step, StepStatus.Fine);
            var asked = evidence.GetValueOrDefault(step) ?? [Evidence.Of("probe " + step, "answer " + step)];
            var record = new StepRecord(step, status, FindingFor(step, status), asked, TimeSpan.Zero, Now);
            investigation.Record(record, clues);
        }

        return investigation;
    }

    /// <summary>
    /// Codes with templates in this branch; the registry and CI steps' own codes live with their adapters.
    /// </summary>
    private static Finding FindingFor(StepName step, StepStatus status) => (step, status) switch
    {
        (StepName.Volume, StepStatus.ProblemFound) => Finding.Of(VolumeFindings.Full, ("usePercent", "96")),
        (StepName.Volume, _) => Finding.Of(VolumeFindings.Ok, ("usePercent", "40")),
        (StepName.Gc, StepStatus.ProblemFound) => Finding.Of(GcFindings.Failing, ("outcome", GcOutcomes.FailedNoSpace)),
        (StepName.Gc, _) => Finding.Of(GcFindings.Succeeded),
        _ => Finding.Of(CoreFindings.StepNotConfigured, ("step", step.ToString())),
    };
}

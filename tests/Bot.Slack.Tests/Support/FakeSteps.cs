using Bot.Core.Investigations;

namespace Bot.Slack.Tests.Support;

/// <summary>
/// Five test-only steps that walk a broken-cache story without any registry: the CI log names the
/// cache, the manifest is read, one blob is missing, the volume and GC look fine. Each leaves evidence.
/// </summary>
internal static class FakeSteps
{
    public const string Ref = "registry.internal:5000/app:cache";
    public const string ManifestDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string BlobDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    public static IReadOnlyDictionary<string, string> FindingTemplates { get; } = new Dictionary<string, string>
    {
        ["fake.ci-log"] = "The log names {{ ref }}.",
        ["fake.manifest"] = "Read the cache manifest {{ digest }}.",
        ["fake.blobs"] = "{{ digest }} is missing.",
        ["fake.volume"] = "The volume has room.",
        ["fake.gc"] = "No GC ran recently.",
    };

    public static IReadOnlyList<IInvestigationStep> All(string? longEvidence = null) =>
    [
        new Step(StepName.CiLog, "fake.ci-log", StepStatus.ProblemFound,
            c => c with { CiErrorClass = "cache-blob-not-found", CiFailureInvolvesRegistry = true },
            [Evidence.Of("GET /repos/acme/app/actions/runs/1/logs",
                longEvidence ?? "ERROR: failed to compute cache key: blob not found")],
            ("ref", Ref)),
        Manifest(),
        new Step(StepName.Blobs, "fake.blobs", StepStatus.ProblemFound,
            c => c with { BrokenBlobs = [new BrokenBlob(BlobDigest, "missing", "cache-layer", 1024, null)] },
            [Evidence.Of("HEAD /v2/app/blobs/" + BlobDigest, "404 BLOB_UNKNOWN")],
            ("digest", BlobDigest)),
        new Step(StepName.Volume, "fake.volume", StepStatus.Fine, c => c,
            [Evidence.Of("statfs /var/lib/registry", "41% used")]),
        new Step(StepName.Gc, "fake.gc", StepStatus.Fine, c => c,
            [Evidence.Of("journal docker-registry garbage-collect", "no runs in 7 days")]),
    ];

    /// <summary>
    /// The seed incident in small: the CI build fails reading a cache blob the registry serves as
    /// unreadable, the volume is 98 % full after "no space left on device" writes, and GC fails for
    /// lack of space. The diagnosis builds the four-link chain ci-log ← blobs ← volume ← gc from it.
    /// </summary>
    public static IReadOnlyList<IInvestigationStep> SeedLike() =>
    [
        new Step(StepName.CiLog, "fake.ci-log", StepStatus.ProblemFound,
            c => c with { CiErrorClass = "cache-blob-read-failed", CiFailureInvolvesRegistry = true },
            [Evidence.Of("GET /repos/acme/app/actions/jobs/7/logs",
                "#9 ERROR: failed to compute cache key: " + Ref + ": 500 Internal Server Error")],
            ("ref", Ref)),
        Manifest(),
        new Step(StepName.Blobs, "fake.blobs", StepStatus.ProblemFound,
            c => c with { BrokenBlobs = [new BrokenBlob(BlobDigest, "broken-link", "cache-layer", 1024, null)] },
            [Evidence.Of("GET /v2/app/blobs/" + BlobDigest, "500 UNKNOWN: unknown error")],
            ("digest", BlobDigest)),
        new Step(StepName.Volume, "fake.volume", StepStatus.ProblemFound,
            c => c with
            {
                PvcName = "harbor-registry", VolumeUsePercent = 98, VolumeFullThresholdPercent = 90,
                RegistryWriteErrors = [new RegistryWriteError(RegistryWriteErrorKinds.NoSpace,
                    new DateTimeOffset(2026, 12, 3, 9, 14, 2, TimeSpan.Zero), BlobDigest, "PUT")],
            },
            [
                Evidence.Of("exec harbor-registry-0: df -P /storage",
                    "Filesystem 1024-blocks Used Available Capacity Mounted on\ntmpfs 24576 23904 672 98% /storage"),
                Evidence.Of("get pods/harbor-registry-0/log -c registry --since=72h",
                    "no-space: 1 from 2026-12-03 09:14:02 UTC (" + BlobDigest + ")"),
            ]),
        new Step(StepName.Gc, "fake.gc", StepStatus.ProblemFound,
            c => c with { GcOutcome = GcOutcomes.FailedNoSpace, GcFailedRunsSinceSuccess = 2 },
            [Evidence.Of("GET logs of pods of CronJob harbor-gc in harbor",
                "pod harbor-gc-29402880-x7k2p: failed-no-space — Job failed: no space left on device")]),
    ];

    /// <summary>Both stories read the same intact cache manifest.</summary>
    private static Step Manifest() =>
        new(StepName.Manifest, "fake.manifest", StepStatus.Fine,
            c => c with { ManifestDigest = ManifestDigest, ManifestKind = "cache-index" },
            [Evidence.Of("GET /v2/app/manifests/cache", "200 application/vnd.oci.image.index.v1+json")],
            ("digest", ManifestDigest));

    private sealed class Step(
        StepName name, string code, StepStatus status, Func<Clues, Clues> learn, Evidence[] evidence,
        params (string, string?)[] facts) : IInvestigationStep
    {
        public StepName Name => name;

        public IReadOnlyCollection<string> FindingCodes => [code];

        public Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken) =>
            Task.FromResult(new StepResult(status, Finding.Of(code, facts), evidence, learn(clues)));
    }
}

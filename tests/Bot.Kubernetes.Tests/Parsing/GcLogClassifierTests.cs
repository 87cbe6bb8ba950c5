using Bot.Core.Investigations;
using Bot.Kubernetes.Gc;

namespace Bot.Kubernetes.Tests.Parsing;

public sealed class GcLogClassifierTests
{
    /// <summary>
    /// Every GC log fixture and the outcome of each run in it, oldest first (a file may hold a dry
    /// run and then the real one); a new fixture without a row fails the coverage test.
    /// </summary>
    public static TheoryData<string, string> GcFixtures { get; } = new()
    {
        { "harbor-gc-12850-sweep-failed.log", GcOutcomes.FailedSweep },
        { "harbor-gc-12948-actual-deleted.log", GcOutcomes.Succeeded },
        // "dry_run: true" in its parameters: the run (cut before its end) deletes nothing.
        { "harbor-gc-14855-parameters-dryrun.log", GcOutcomes.DryRun },
        { "harbor-gc-15039-sweep-failed-500.log", GcOutcomes.FailedSweep },
        { "harbor-gc-16373-deleteblob-retry-500.log", GcOutcomes.InProgress },
        // "success to run gc in job" after the estimate "could free up …": a dry run, not a clean GC.
        { "harbor-gc-16482-dryrun-estimate.log", GcOutcomes.DryRun },
        { "harbor-jobservice-18459-gc-no-space.log", GcOutcomes.FailedNoSpace },
        { "harbor-registryctl-21170-path-not-found.log", GcOutcomes.FailedSweep },
        { "distribution-3743-gc-output.log", GcOutcomes.Succeeded },
        // garbage-collect --dry-run: it marks and prints "eligible for deletion", and deletes nothing.
        { "lab-registry-2.8.2/out-06-gc-dryrun.txt", GcOutcomes.DryRun },
        { "lab-registry-2.8.2/out-09-prep-gc.txt", GcOutcomes.NeverRan },
        // The dry run first, then the real run that logs "Deleting blob".
        { "lab-registry-2.8.2/out-10-gc.txt", $"{GcOutcomes.DryRun} {GcOutcomes.Succeeded}" },
        { "lab-registry-2.8.2/out-11-missing-manifest-blob.txt", GcOutcomes.DryRun },
    };

    [Theory]
    [MemberData(nameof(GcFixtures))]
    public void Classify_GcLogFixture_GivesEachRunItsOutcome(string fixture, string expected)
    {
        var lines = Fixtures.Lines(fixture);

        var runs = GcLogClassifier.SplitRuns(lines).Select(GcLogClassifier.Classify);

        Assert.Equal(expected, string.Join(' ', runs.Select(r => r.Outcome)));
    }

    /// <summary>
    /// Found by name (Harbor's GC files, <c>-gc</c> in the lab's) or by content (a GC command or job log).
    /// </summary>
    [Fact]
    public void GcFixtures_EveryGcLogInTheFolders_HasAnExpectation()
    {
        var onDisk = Directory.EnumerateFiles(Fixtures.Logs, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) != "README.md")
            .Where(path => IsGcByName(Path.GetFileName(path)) || IsGcByContent(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(Fixtures.Logs, path).Replace('\\', '/'))
            .ToList();
        var covered = GcFixtures.Select(row => (string)row[0]).ToHashSet();

        Assert.Contains("lab-registry-2.8.2/out-10-gc.txt", onDisk);
        Assert.All(onDisk, name => Assert.Contains(name, covered));
    }

    [Fact]
    public void Classify_HarborDryRunEstimate_IsADryRunNamingTheEstimate()
    {
        var verdict = GcLogClassifier.Classify(Fixtures.Lines("harbor-gc-16482-dryrun-estimate.log"));

        Assert.Equal(GcOutcomes.DryRun, verdict.Outcome);
        Assert.StartsWith("The GC could free up 841210 MB space", verdict.Detail);
    }

    [Fact]
    public void Classify_HarborRunWithDryRunFalse_IsARealSuccess()
    {
        string[] log =
        [
            "2026-03-15T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:144]: " +
                "Garbage Collection parameters: [delete_untagged: true, dry_run: false, time_window: 2]",
            "2026-03-15T02:01:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:174]: " +
                "success to run gc in job.",
        ];

        Assert.Equal(GcOutcomes.Succeeded, GcLogClassifier.Classify(log).Outcome);
    }

    [Fact]
    public void Classify_DryRunThatFailed_IsTheFailure()
    {
        string[] log =
        [
            "2026-03-15T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:144]: " +
                "Garbage Collection parameters: [delete_untagged: true, dry_run: true, time_window: 2]",
            "2026-03-15T02:00:09Z [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:170]: " +
                "failed to execute GC job at mark phase, error: boom",
        ];

        Assert.Equal(GcOutcomes.FailedMark, GcLogClassifier.Classify(log).Outcome);
    }

    private static bool IsGcByName(string name) =>
        name.StartsWith("harbor-gc-", StringComparison.Ordinal)
        || name.StartsWith("harbor-jobservice-", StringComparison.Ordinal)
        || name.StartsWith("harbor-registryctl-", StringComparison.Ordinal)
        || name.Contains("-gc", StringComparison.Ordinal);

    private static bool IsGcByContent(string text) =>
        text.Contains("garbage-collect", StringComparison.Ordinal)
        || text.Contains("garbage_collection.go", StringComparison.Ordinal);

    [Fact]
    public void Classify_SweepFailure_DetailIsTheMessageWithoutPrefix()
    {
        var lines = Fixtures.Lines("harbor-gc-15039-sweep-failed-500.log");

        var verdict = GcLogClassifier.Classify(lines);

        Assert.StartsWith("failed to execute GC job at sweep phase", verdict.Detail);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 13, 0, 16, TimeSpan.Zero), verdict.StartedAt);
    }

    [Fact]
    public void Classify_JobserviceNoSpace_NamesTheFullLogVolume()
    {
        var lines = Fixtures.Lines("harbor-jobservice-18459-gc-no-space.log");

        var verdict = GcLogClassifier.Classify(lines);

        Assert.Contains("no space left on device", verdict.Detail);
    }

    /// <summary>
    /// SYNTHETIC: the incident write-up's wording. It is not a Harbor string (DOMAIN §1.13), but
    /// the bot must still read it as a GC failure for lack of space.
    /// </summary>
    [Fact]
    public void Classify_SyntheticIncidentFilesystemAlmostFull_IsFailedNoSpace()
    {
        string[] synthetic =
        [
            "2026-03-16T02:00:00Z [INFO] Starting garbage collection",
            "2026-03-16T02:00:45Z [ERROR] GC failed: filesystem is almost full, refusing to operate",
            "2026-03-16T02:00:45Z [INFO] GC completed with errors",
        ];

        var verdict = GcLogClassifier.Classify(synthetic);

        Assert.Equal(GcOutcomes.FailedNoSpace, verdict.Outcome);
        Assert.Equal("GC failed: filesystem is almost full, refusing to operate", verdict.Detail);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero), verdict.StartedAt);
    }

    [Theory]
    [InlineData(
        "2024-01-01T00:00:00Z [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:140]: " +
        "failed to start gc as registry controller is unreachable: dial tcp: i/o timeout",
        GcOutcomes.RegistryUnreachable)]
    [InlineData(
        "2024-01-01T00:00:00Z [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:170]: " +
        "failed to execute GC job at mark phase, error: failed to get artifact trash",
        GcOutcomes.FailedMark)]
    [InlineData(
        "2024-01-01T00:00:00Z [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:171]: " +
        "failed to execute GC job at sweep phase, error: write /var/log: no space left on device",
        GcOutcomes.FailedNoSpace)]
    [InlineData("failed to garbage collect: failed to mark: filesystem: Path not found", GcOutcomes.FailedMark)]
    [InlineData(
        "2024-01-01T00:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:120]: " +
        "no need to execute GC as there is no non referenced artifacts.",
        GcOutcomes.Succeeded)]
    public void Classify_HarborAndDistributionLines_GiveTheirClass(string line, string expected)
    {
        var verdict = GcLogClassifier.Classify([line]);

        Assert.Equal(expected, verdict.Outcome);
    }

    [Fact]
    public void Classify_NonZeroExitWithoutFailureLine_IsFailedOther()
    {
        string[] lines = ["$ docker-registry garbage-collect /etc/docker/registry/config.yml", "app", "rc=1"];

        var verdict = GcLogClassifier.Classify(lines);

        Assert.Equal(GcOutcomes.FailedOther, verdict.Outcome);
    }

    [Fact]
    public void SplitRuns_JobserviceLogWithTwoRuns_ClassifiesEach()
    {
        string[] log =
        [
            "2026-03-15T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:144]: " +
                "Garbage Collection parameters: [delete_untagged: true, dry_run: false]",
            "2026-03-15T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:154]: " +
                "start to run gc in job.",
            "2026-03-15T02:01:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:174]: " +
                "success to run gc in job.",
            "2026-03-16T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:144]: " +
                "Garbage Collection parameters: [delete_untagged: true, dry_run: false]",
            "2026-03-16T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:154]: " +
                "start to run gc in job.",
            "2026-03-16T02:00:09Z [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:165]: " +
                "failed to execute GC job at sweep phase, error: boom",
        ];

        var runs = GcLogClassifier.SplitRuns(log).Select(GcLogClassifier.Classify).ToList();

        Assert.Equal([GcOutcomes.Succeeded, GcOutcomes.FailedSweep], runs.Select(r => r.Outcome));
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero), runs[1].StartedAt);
    }
}

using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Kubernetes.Tests.Diagnosis;
using Bot.Kubernetes.Tests.Lab;
using Bot.Lab.Cluster;

namespace Bot.Kubernetes.Tests.Cluster;

/// <summary>
/// Records the registry side as given (what the CI, manifest and blob steps would have found), then
/// runs the real volume and GC steps against the lab cluster and diagnoses the whole walk.
/// </summary>
internal static class ClusterWalk
{
    public static async Task<(Investigation Investigation, Conclusion Conclusion)> RunAsync(
        LabCluster lab, Clues cache)
    {
        var now = new DateTimeOffset(2026, 12, 3, 19, 0, 0, TimeSpan.Zero);
        var target = TriageTarget.ForRun(Investigations.Run.Url.ToString(), Investigations.Run);
        var investigation = Investigation.Open("walk", target, now);
        investigation.Begin(now);

        var blobs = cache.BrokenBlobs.Count > 0 ? StepStatus.ProblemFound : StepStatus.Fine;
        (StepName Step, StepStatus Status)[] registrySide =
            [(StepName.CiLog, StepStatus.ProblemFound), (StepName.Manifest, StepStatus.Fine), (StepName.Blobs, blobs)];
        foreach (var (step, status) in registrySide)
        {
            var finding = Finding.Of(CoreFindings.StepNotConfigured);
            investigation.Record(new StepRecord(step, status, finding, [], TimeSpan.Zero, now), cache);
        }

        foreach (var step in new IInvestigationStep[] { lab.VolumeStep(), lab.GcStep() })
        {
            var result = await step.RunAsync(investigation.Clues, CancellationToken.None);
            var record = new StepRecord(step.Name, result.Status, result.Finding, result.Evidence, TimeSpan.Zero, now);
            investigation.Record(record, result.Clues);
        }

        return (investigation, Diagnoser.Diagnose(investigation));
    }

    public static StepRecord Step(this Investigation investigation, StepName name) =>
        investigation.Steps.Single(s => s.Step == name);

    /// <summary>
    /// The pod of one Job of a GC CronJob (labelled <c>job-name=&lt;job&gt;</c>), whose log is <paramref name="log"/>.
    /// </summary>
    public static GcPodScenario GcPod(string job, DateTimeOffset started, string phase, string log) =>
        new()
        {
            Name = job + "-x7k2p",
            Labels = new Dictionary<string, string> { ["job-name"] = job },
            Phase = phase,
            StartedAt = started,
            Log = log,
        };

    public static string FixtureText(string relative) => File.ReadAllText(Path.Combine(Fixtures.Logs, relative));

    public static void UseCronJobGc(ClusterOptions options, string cronJob)
    {
        options.Gc.Source = Gc.GcSourceKind.PodLogs;
        options.Gc.PodLogs.CronJob = cronJob;
    }

    public static void AssertNoUnsafeFix(Conclusion conclusion, bool resizeAllowed, bool gcAllowed)
    {
        if (!resizeAllowed)
            Assert.DoesNotContain(conclusion.Fixes, f => f.Kind == FixKind.ResizePvc);
        if (!gcAllowed)
            Assert.DoesNotContain(conclusion.Fixes, f => f.Kind == FixKind.RunGc);
    }
}

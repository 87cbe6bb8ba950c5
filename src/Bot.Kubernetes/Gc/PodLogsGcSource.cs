using Bot.Core.Investigations;
using Bot.Kubernetes.Api;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace Bot.Kubernetes.Gc;

/// <summary>
/// GC runs read from the logs of the pods that ran them: one named pod (a jobservice whose log
/// holds many runs), a Job's pods, or a CronJob's. Only lines that can matter to a verdict are kept.
/// </summary>
public sealed class PodLogsGcSource(ClusterApi api, IOptions<ClusterOptions> options) : IGcSource
{
    private const int MaxLinesPerPod = 2000;

    private readonly ClusterOptions _options = options.Value;

    private PodLogsGcOptions Pods => _options.Gc.PodLogs;

    private string Namespace => string.IsNullOrWhiteSpace(Pods.Namespace) ? _options.Namespace : Pods.Namespace;

    public string Name => "pod-logs";

    public string Describe() => Pods switch
    {
        { Pod: { Length: > 0 } pod } => $"GET pods/{pod}/log in {Namespace} (since {Pods.Since.TotalHours:0} h)",
        { Job: { Length: > 0 } job } => $"GET logs of pods with job-name={job} in {Namespace}",
        { CronJob: { Length: > 0 } cronJob } => $"GET logs of pods of CronJob {cronJob} in {Namespace}",
        _ => $"GET logs of pods matching '{Pods.LabelSelector}' in {Namespace}",
    };

    public async Task<GcHistory> ReadAsync(CancellationToken cancellationToken)
    {
        var pods = await FindPodsAsync(cancellationToken);
        // Each pod's log is its own read; read the newest few at once.
        var newest = pods.OrderByDescending(StartOf).Take(_options.Gc.MaxRuns).ToList();
        var logs = await Task.WhenAll(newest.Select(pod => api.ReadLogLinesAsync(
            Namespace, pod.Metadata.Name, NullIfEmpty(Pods.Container), Pods.Since, GcLogClassifier.IsRelevant,
            MaxLinesPerPod, cancellationToken)));

        var runs = newest.Zip(logs).SelectMany(pair => RunsOf(pair.First, pair.Second.Lines));
        return new GcHistory(runs.OrderByDescending(r => r.At ?? DateTimeOffset.MinValue).Take(_options.Gc.MaxRuns));
    }

    private async Task<IReadOnlyList<V1Pod>> FindPodsAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Pods.Pod))
            return [await api.ReadPodAsync(Namespace, Pods.Pod, cancellationToken)];

        if (!string.IsNullOrWhiteSpace(Pods.Job))
            return await api.ListPodsAsync(Namespace, $"job-name={Pods.Job}", cancellationToken);

        if (!string.IsNullOrWhiteSpace(Pods.CronJob))
        {
            // A CronJob's Jobs are named "<cronjob>-<scheduled minute>"; listing pods (not jobs) keeps RBAC to pods.
            var prefix = Pods.CronJob + "-";
            var all = await api.ListPodsAsync(Namespace, "job-name", cancellationToken);
            return [.. all.Where(p => p.Metadata.Labels?.TryGetValue("job-name", out var job) == true
                && job.StartsWith(prefix, StringComparison.Ordinal))];
        }

        return await api.ListPodsAsync(Namespace, NullIfEmpty(Pods.LabelSelector), cancellationToken);
    }

    private static IEnumerable<GcRun> RunsOf(V1Pod pod, IReadOnlyList<string> lines)
    {
        var started = StartOf(pod);
        var phase = pod.Status?.Phase;
        var pieces = GcLogClassifier.SplitRuns(lines);
        if (pieces.Count == 0)
            pieces = [[]];

        foreach (var piece in pieces)
        {
            var verdict = GcLogClassifier.Classify(piece);

            // The pod's phase corrects a log that says too little: a failed pod is a failed run,
            // a running one is a run in flight.
            verdict = (verdict.Outcome, phase) switch
            {
                (GcOutcomes.Succeeded or GcOutcomes.DryRun or GcOutcomes.NeverRan or GcOutcomes.InProgress, "Failed") =>
                    verdict with { Outcome = GcOutcomes.FailedOther, Detail = verdict.Detail ?? "the GC pod failed" },
                (GcOutcomes.NeverRan, "Running" or "Pending") => verdict with { Outcome = GcOutcomes.InProgress },
                _ => verdict,
            };
            // A GC pod that exited 0 ran GC, even if its log (cut by the window) kept no outcome line.
            if (verdict.Outcome == GcOutcomes.NeverRan && pieces.Count == 1 && phase == "Succeeded")
                verdict = verdict with { Outcome = GcOutcomes.Succeeded };

            // A pod that ran one GC is timed by the pod; a long-lived pod's runs by their own log lines.
            var at = pieces.Count == 1 ? started ?? verdict.StartedAt : verdict.StartedAt ?? started;
            if (verdict.Outcome != GcOutcomes.NeverRan)
                yield return new GcRun($"pod {pod.Metadata.Name}", at, verdict);
        }
    }

    private static DateTimeOffset? StartOf(V1Pod pod)
    {
        var started = pod.Status?.StartTime ?? pod.Metadata.CreationTimestamp;
        return started is null ? null : new DateTimeOffset(DateTime.SpecifyKind(started.Value, DateTimeKind.Utc));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

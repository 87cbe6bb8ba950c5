using Bot.Core.Investigations;

namespace Bot.Kubernetes.Gc;

/// <summary>The runs read, newest first, and what they add up to.</summary>
public sealed class GcHistory
{
    public GcHistory(IEnumerable<GcRun> runs) =>
        Runs = [.. runs.OrderByDescending(r => r.At ?? DateTimeOffset.MinValue)];

    public IReadOnlyList<GcRun> Runs { get; }

    public GcRun? Latest => Runs.Count > 0 ? Runs[0] : null;

    public GcRun? LastSuccess => Runs.FirstOrDefault(r => r.Verdict.Outcome == GcOutcomes.Succeeded);

    public int FailedSinceLastSuccess =>
        Runs.TakeWhile(r => r.Verdict.Outcome != GcOutcomes.Succeeded)
            .Count(r => GcOutcomes.IsFailure(r.Verdict.Outcome));

    /// <summary>The newest run that finished; a run still going says nothing about the last outcome yet.</summary>
    public GcRun? LatestFinished => Runs.FirstOrDefault(r => r.Verdict.Outcome != GcOutcomes.InProgress);
}

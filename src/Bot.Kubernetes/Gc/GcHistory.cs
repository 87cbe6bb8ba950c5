using Bot.Core.Investigations;

namespace Bot.Kubernetes.Gc;

/// <summary>The runs read, newest first, and what they add up to. A dry run is never a success.</summary>
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

    public int DryRuns => Runs.Count(r => r.Verdict.Outcome == GcOutcomes.DryRun);

    /// <summary>
    /// The newest run that finished for real. A run still going says nothing about the last outcome
    /// yet, and a dry run deletes nothing, so it stands for the history only when no real run did.
    /// </summary>
    public GcRun? LatestFinished =>
        Runs.FirstOrDefault(r => r.Verdict.Outcome is not (GcOutcomes.InProgress or GcOutcomes.DryRun))
        ?? Runs.FirstOrDefault(r => r.Verdict.Outcome == GcOutcomes.DryRun);
}

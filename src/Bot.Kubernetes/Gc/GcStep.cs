using System.Globalization;
using Bot.Core.Investigations;
using Bot.Kubernetes.Api;
using Microsoft.Extensions.Logging;

namespace Bot.Kubernetes.Gc;

/// <summary>
/// Garbage collection's history: each run's time and outcome, the last success, and why the
/// latest failure failed. "Never ran", "only dry runs" and "not configured" are findings in their own right.
/// </summary>
public sealed class GcStep(IGcSource? source, ILogger<GcStep> logger) : IInvestigationStep
{
    private const int MaxRunsShown = 10;

    public StepName Name => StepName.Gc;

    public IReadOnlyCollection<string> FindingCodes => GcFindings.All;

    public async Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            var skipped = clues with { GcOutcome = GcOutcomes.NotConfigured };
            return StepResult.Skipped(Finding.Of(GcFindings.NotConfigured), skipped);
        }

        GcHistory history;
        try
        {
            history = await source.ReadAsync(cancellationToken);
        }
        catch (ClusterCallException ex)
        {
            ClusterLog.CallFailed(logger, Name.ToString(), ex.Problem.Kind, ex.Problem.Verb, ex.Problem.Resource);
            var problem = ProblemFindings.Of(ex.Problem, null, CodeFor);
            var withSource = new Dictionary<string, string>(problem.Facts) { ["source"] = source.Name };
            var answer = $"{ex.Problem.Kind}: {ex.Problem.Detail}";
            var asked = Evidence.Of(source.Describe(), answer);
            return StepResult.CouldNotCheck(problem with { Facts = withSource }, clues, asked);
        }

        var latest = history.LatestFinished ?? history.Latest;
        ClusterLog.GcRead(logger, source.Name, history.Runs.Count, latest?.Verdict.Outcome ?? GcOutcomes.NeverRan);
        var evidence = Evidence.Of(source.Describe(), Describe(history));

        var next = clues with
        {
            GcOutcome = latest?.Verdict.Outcome ?? GcOutcomes.NeverRan,
            GcFailureDetail = GcOutcomes.IsFailure(latest?.Verdict.Outcome) ? latest!.Verdict.Detail : null,
            GcLastRunAt = history.Latest?.At,
            GcLastSuccessAt = history.LastSuccess?.At,
            GcFailedRunsSinceSuccess = history.FailedSinceLastSuccess,
        };

        var facts = new (string, string?)[]
        {
            ("source", source.Name),
            ("outcome", next.GcOutcome),
            ("detail", next.GcFailureDetail),
            ("lastRunAt", Time(next.GcLastRunAt)),
            ("lastSuccessAt", Time(next.GcLastSuccessAt)),
            ("failedRuns", history.FailedSinceLastSuccess.ToString(CultureInfo.InvariantCulture)),
            ("runs", history.Runs.Count.ToString(CultureInfo.InvariantCulture)),
            ("dryRuns", history.DryRuns.ToString(CultureInfo.InvariantCulture)),
        };

        return next.GcOutcome switch
        {
            GcOutcomes.Succeeded => StepResult.Fine(Finding.Of(GcFindings.Succeeded, facts), next, evidence),
            GcOutcomes.InProgress => StepResult.Fine(Finding.Of(GcFindings.InProgress, facts), next, evidence),
            GcOutcomes.NeverRan => StepResult.Problem(Finding.Of(GcFindings.NeverRan, facts), next, evidence),
            GcOutcomes.DryRun => StepResult.Problem(Finding.Of(GcFindings.OnlyDryRuns, facts), next, evidence),
            _ => StepResult.Problem(Finding.Of(GcFindings.Failing, facts), next, evidence),
        };
    }

    private static string Describe(GcHistory history)
    {
        if (history.Runs.Count == 0)
            return "no GC run found";

        return string.Join('\n', history.Runs.Take(MaxRunsShown).Select(r =>
        {
            var detail = r.Verdict.Detail is null ? "" : " — " + r.Verdict.Detail;
            return $"{Time(r.At) ?? "time unknown"} {r.Source}: {r.Verdict.Outcome}{detail}";
        }));
    }

    private static string CodeFor(ClusterProblem problem) => problem.Kind switch
    {
        ClusterProblemKinds.Forbidden => GcFindings.Forbidden,
        ClusterProblemKinds.Unauthorized => GcFindings.Unauthorized,
        ClusterProblemKinds.NotFound => GcFindings.NotFound,
        ClusterProblemKinds.Unreachable => GcFindings.Unreachable,
        ClusterProblemKinds.TimedOut => GcFindings.TimedOut,
        ClusterProblemKinds.NoConfig => GcFindings.NoConfig,
        _ => GcFindings.Failed,
    };

    private static string? Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

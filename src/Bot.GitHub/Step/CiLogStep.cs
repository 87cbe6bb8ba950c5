using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.GitHub.Api;
using Bot.GitHub.Links;
using Bot.GitHub.Logs;
using Microsoft.Extensions.Logging;

namespace Bot.GitHub.Step;

/// <summary>
/// The walk's first step: read the failed job's log and say what failed it, handing the failing
/// ref and digest to the registry steps. A GitHub that cannot be read is a finding, not an exception.
/// </summary>
public sealed class CiLogStep : IInvestigationStep
{
    private const int MaxEvidenceLines = 3;

    private readonly ICiLogSource _source;
    private readonly CiLogClassifier _classifier;
    private readonly RunLinkParser _links;
    private readonly TimeProvider _time;
    private readonly ILogger<CiLogStep> _logger;

    public CiLogStep(
        ICiLogSource source,
        CiLogClassifier classifier,
        RunLinkParser links,
        TimeProvider time,
        ILogger<CiLogStep> logger)
    {
        _source = source;
        _classifier = classifier;
        _links = links;
        _time = time;
        _logger = logger;
    }

    public StepName Name => StepName.CiLog;

    public IReadOnlyCollection<string> FindingCodes => CiLogFindings.All;

    public async Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken)
    {
        if (clues.RunLink is not { } link)
            return StepResult.Skipped(Finding.Of(CiLogFindings.NoRunLink), clues);

        // Clues come back from storage too; the allowlist may have changed since the link was parsed.
        if (!_links.IsAllowed(link))
        {
            GitHubLog.NotAllowed(_logger, link.Owner, link.Repository, link.RunId);
            var refused = Finding.Of(CiLogFindings.NotAllowed, ("repo", $"{link.Owner}/{link.Repository}"));
            return StepResult.CouldNotCheck(refused, clues);
        }

        var fetch = await _source.FetchFailedJobLogAsync(link, cancellationToken);
        var jobsEvidence = JobsEvidence(link, fetch);
        return fetch.Outcome switch
        {
            CiFetchOutcome.Fetched => Classify(link, fetch, clues, jobsEvidence),
            CiFetchOutcome.NoFailedJob => StepResult.Fine(
                Finding.Of(CiLogFindings.NoFailedJob, ("run", link.RunId.ToString()), ("job", fetch.Job?.Name)),
                clues with { CiRunFailed = false },
                jobsEvidence),
            _ => CouldNotCheck(link, fetch, clues, jobsEvidence),
        };
    }

    private StepResult Classify(RunLink link, CiLogFetch fetch, Clues clues, Evidence jobsEvidence)
    {
        var job = fetch.Job!;
        var started = _time.GetTimestamp();
        var found = _classifier.Classify(fetch.Log!);
        GitHubLog.Classified(_logger, job.Id, found.ErrorClass, found.IsFatal, found.InvolvesRegistry, found.LinesRead,
            (long)_time.GetElapsedTime(started).TotalMilliseconds);

        var learned = clues with
        {
            CiRunFailed = true,
            CiErrorClass = found.ErrorClass,
            CiFailureInvolvesRegistry = found.InvolvesRegistry,
            DigestFromLog = found.Digest ?? clues.DigestFromLog,
            ImageRef = clues.ImageRef ?? UsableRef(found.Ref),
        };

        var finding = Finding.Of(
            CiLogFindings.ForClass(found.ErrorClass),
            ("job", job.Name),
            ("jobId", job.Id.ToString()),
            ("ref", found.Ref),
            ("digest", found.Digest),
            ("vertex", found.Vertex),
            ("line", found.MatchedLines.Count > 0 ? found.MatchedLines[0] : null),
            ("fatal", found.IsFatal ? "true" : "false"));
        var logEvidence = Evidence.Of(
            LogRequest(link, job),
            found.MatchedLines.Count > 0
                ? string.Join('\n', found.MatchedLines.Take(MaxEvidenceLines))
                : $"{found.LinesRead} lines, none that says what failed");

        // A log that names no failure is still a failed job: the problem is there, only unexplained.
        return StepResult.Problem(finding, learned, jobsEvidence, logEvidence);
    }

    // The registry steps need a tag or digest to ask for; a bare host/repo from a blob URL would
    // silently become ":latest", the wrong manifest.
    private static string? UsableRef(string? candidate) =>
        ImageReference.TryParse(candidate, out var reference)
        && (reference.Tag is not null || reference.Digest is not null)
            ? candidate!.Trim()
            : null;

    private static StepResult CouldNotCheck(RunLink link, CiLogFetch fetch, Clues clues, Evidence jobsEvidence)
    {
        var code = fetch.Outcome switch
        {
            CiFetchOutcome.RunNotFound => CiLogFindings.RunNotFound,
            CiFetchOutcome.JobNotFound => CiLogFindings.JobNotFound,
            CiFetchOutcome.Unauthorized => CiLogFindings.Unauthorized,
            CiFetchOutcome.RateLimited => CiLogFindings.RateLimited,
            CiFetchOutcome.LogTooLarge => CiLogFindings.LogTooLarge,
            CiFetchOutcome.Garbage => CiLogFindings.Garbage,
            _ => CiLogFindings.Unreachable,
        };

        var finding = Finding.Of(
            code,
            ("repo", $"{link.Owner}/{link.Repository}"),
            ("run", link.RunId.ToString()),
            ("job", fetch.Job?.Name),
            ("jobId", fetch.Job?.Id.ToString() ?? link.JobId?.ToString()),
            ("reason", fetch.Detail));

        // With a job chosen, it was the log read that failed; the jobs list itself was fine.
        if (fetch.Job is { } job)
        {
            var logRequest = Evidence.Of(LogRequest(link, job), fetch.Detail ?? fetch.Outcome.ToString());
            return StepResult.CouldNotCheck(finding, clues, jobsEvidence, logRequest);
        }

        return StepResult.CouldNotCheck(finding, clues, jobsEvidence);
    }

    private static string LogRequest(RunLink link, CiJob job) =>
        $"GET /repos/{link.Owner}/{link.Repository}/actions/jobs/{job.Id}/logs";

    private static Evidence JobsEvidence(RunLink link, CiLogFetch fetch)
    {
        var request = $"GET /repos/{link.Owner}/{link.Repository}/actions/runs/{link.RunId}/jobs";
        var answer = fetch switch
        {
            { Outcome: CiFetchOutcome.NoFailedJob, Job: { } linked } =>
                $"job {linked.Id} \"{linked.Name}\" {linked.Conclusion}",
            { Outcome: CiFetchOutcome.NoFailedJob } => $"{fetch.JobCount} jobs, none failed",
            { Job: { } job } => $"job {job.Id} \"{job.Name}\" {Verb(job.Conclusion)}",
            _ => fetch.Detail ?? fetch.Outcome.ToString(),
        };
        return Evidence.Of(request, answer);
    }

    private static string Verb(string? conclusion) => conclusion switch
    {
        "failure" => "failed",
        "timed_out" => "timed out",
        null => "has no conclusion yet",
        _ => conclusion,
    };
}

namespace Bot.GitHub.Api;

/// <summary>
/// The typed result of fetching a run's failed-job log: never an exception for a remote failure.
/// The log is text as Octokit hands it over (it reads the body as a string), at most
/// <c>GitHub:MaxLogBytes</c> long. <see cref="Detail"/> is for people (a status code, when a rate
/// limit resets), never a secret or a URL.
/// </summary>
public sealed record CiLogFetch(CiFetchOutcome Outcome, CiJob? Job, int JobCount, string? Log, string? Detail)
{
    public static CiLogFetch Fetched(CiJob job, int jobCount, string log) =>
        new(CiFetchOutcome.Fetched, job, jobCount, log, null);

    public static CiLogFetch NoFailedJob(int jobCount, CiJob? linkedJob) =>
        new(CiFetchOutcome.NoFailedJob, linkedJob, jobCount, null, null);

    public static CiLogFetch Failed(CiFetchOutcome outcome, string detail, CiJob? job = null, int jobCount = 0) =>
        new(outcome, job, jobCount, null, detail);
}

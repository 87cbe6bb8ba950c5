using Microsoft.Extensions.Logging;

namespace Bot.GitHub;

/// <summary>
/// The GitHub adapter's log lines, event ids 3000–3099. Identifiers only: no token, no log text,
/// no storage URL.
/// </summary>
internal static partial class GitHubLog
{
    [LoggerMessage(3000, LogLevel.Information, "GitHub client for {ApiBase} (authenticated: {Authenticated})")]
    public static partial void ClientCreated(ILogger logger, Uri apiBase, bool authenticated);

    [LoggerMessage(3001, LogLevel.Debug, "Run {Owner}/{Repository}#{RunId}: {JobCount} jobs, chose job {JobId}")]
    public static partial void JobChosen(
        ILogger logger, string owner, string repository, long runId, int jobCount, long? jobId);

    [LoggerMessage(3002, LogLevel.Information,
        "Read log of job {JobId} of {Owner}/{Repository}: {Bytes} bytes in {DurationMs} ms")]
    public static partial void LogRead(
        ILogger logger, long jobId, string owner, string repository, long bytes, long durationMs);

    [LoggerMessage(3003, LogLevel.Warning, "Could not read run {Owner}/{Repository}#{RunId}: {Outcome} ({Detail})")]
    public static partial void FetchFailed(
        ILogger logger, string owner, string repository, long runId, Api.CiFetchOutcome outcome, string detail);

    [LoggerMessage(3004, LogLevel.Information,
        "Job {JobId} log classified {ErrorClass} (fatal {Fatal}, registry {InvolvesRegistry}) "
        + "over {Lines} lines in {DurationMs} ms")]
    public static partial void Classified(
        ILogger logger, long jobId, string errorClass, bool fatal, bool? involvesRegistry, long lines, long durationMs);

    [LoggerMessage(3005, LogLevel.Warning, "Run link {Owner}/{Repository}#{RunId} is not on the allowlist; not read")]
    public static partial void NotAllowed(ILogger logger, string owner, string repository, long runId);
}

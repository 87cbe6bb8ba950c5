namespace Bot.GitHub.Api;

/// <summary>How fetching a run's failed-job log ended.</summary>
public enum CiFetchOutcome
{
    /// <summary>A failed job was found and its log read.</summary>
    Fetched,

    /// <summary>Every job of the run's latest attempt passed (or the linked job did).</summary>
    NoFailedJob,

    /// <summary>GitHub says 404 for the run: wrong id, or a private repository the token cannot see.</summary>
    RunNotFound,

    /// <summary>The linked job is not in the run, or its log is gone (logs expire).</summary>
    JobNotFound,

    /// <summary>401 or 403: the token is missing, wrong, or lacks <c>actions:read</c>.</summary>
    Unauthorized,

    /// <summary>GitHub's primary or secondary rate limit.</summary>
    RateLimited,

    /// <summary>No answer, a timeout, or a 5xx from GitHub or its log storage.</summary>
    Unreachable,

    /// <summary>The log is longer than <c>GitHub:MaxLogBytes</c>.</summary>
    LogTooLarge,

    /// <summary>
    /// GitHub (or whatever answers at its address: a proxy, a captive portal) answered, but not
    /// with the JSON its API documents.
    /// </summary>
    Garbage,
}

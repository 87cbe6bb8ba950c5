using Bot.GitHub.Logs;

namespace Bot.GitHub.Step;

/// <summary>The finding codes of the CI-log step; each has <c>prompts/findings/&lt;code&gt;.liquid</c>.</summary>
public static class CiLogFindings
{
    public const string NoRunLink = "ci-log.no-run-link";
    public const string NotAllowed = "ci-log.not-allowed";
    public const string NoFailedJob = "ci-log.no-failed-job";
    public const string RunNotFound = "ci-log.run-not-found";
    public const string JobNotFound = "ci-log.job-not-found";
    public const string Unauthorized = "ci-log.unauthorized";
    public const string RateLimited = "ci-log.rate-limited";
    public const string Unreachable = "ci-log.unreachable";
    public const string LogTooLarge = "ci-log.log-too-large";
    public const string Garbage = "ci-log.garbage";

    /// <summary>
    /// The finding for a classified log: <c>ci-log.&lt;class&gt;</c>, e.g. <c>ci-log.cache-blob-not-found</c>.
    /// </summary>
    public static string ForClass(string errorClass) => $"ci-log.{errorClass}";

    public static IReadOnlyCollection<string> All { get; } =
    [
        NoRunLink, NotAllowed, NoFailedJob, RunNotFound, JobNotFound,
        Unauthorized, RateLimited, Unreachable, LogTooLarge, Garbage,
        .. CiErrorClasses.All.Select(ForClass),
    ];
}

namespace Bot.Core.Investigations;

/// <summary>
/// How the registry's garbage collection went, as recorded in <see cref="Clues.GcOutcome"/>. The
/// cluster adapter classifies GC logs and history; the diagnosis reads. Strings keep stored clues readable.
/// </summary>
public static class GcOutcomes
{
    public const string Succeeded = "succeeded";

    /// <summary>A disk was full: the registry's, or the job log's (Harbor #18459).</summary>
    public const string FailedNoSpace = "failed-no-space";

    public const string FailedSweep = "failed-sweep";

    public const string FailedMark = "failed-mark";

    /// <summary>GC could not reach the registry (Harbor's registry controller) to start.</summary>
    public const string RegistryUnreachable = "registry-unreachable";

    public const string FailedOther = "failed-other";

    /// <summary>A run started and has not ended (or its log was cut before the end).</summary>
    public const string InProgress = "in-progress";

    /// <summary>
    /// A dry run: it ran to the end (or is running) but only estimated, and deleted nothing. It is
    /// never the last successful GC; a history of only dry runs means GC has not really run.
    /// </summary>
    public const string DryRun = "dry-run";

    /// <summary>No run in the history or the log window.</summary>
    public const string NeverRan = "never-ran";

    /// <summary>No GC source is configured, so GC was not looked at.</summary>
    public const string NotConfigured = "not-configured";

    public static IReadOnlyCollection<string> All { get; } =
    [
        Succeeded, FailedNoSpace, FailedSweep, FailedMark, RegistryUnreachable, FailedOther, InProgress, DryRun,
        NeverRan, NotConfigured,
    ];

    public static bool IsFailure(string? outcome) =>
        outcome is FailedNoSpace or FailedSweep or FailedMark or RegistryUnreachable or FailedOther;
}

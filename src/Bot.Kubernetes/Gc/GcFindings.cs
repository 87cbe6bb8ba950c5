namespace Bot.Kubernetes.Gc;

/// <summary>The GC step's finding codes; each has a template in <c>prompts/findings/</c>.</summary>
public static class GcFindings
{
    public const string Succeeded = "gc.succeeded";
    public const string Failing = "gc.failing";
    public const string NeverRan = "gc.never-ran";
    public const string InProgress = "gc.in-progress";

    /// <summary>Every run read was a dry run: GC has not really run.</summary>
    public const string OnlyDryRuns = "gc.only-dry-runs";
    public const string NotConfigured = "gc.not-configured";
    public const string Forbidden = "gc.forbidden";
    public const string Unauthorized = "gc.unauthorized";
    public const string NotFound = "gc.not-found";
    public const string Unreachable = "gc.unreachable";
    public const string TimedOut = "gc.timed-out";
    public const string NoConfig = "gc.no-config";
    public const string Failed = "gc.failed";

    public static IReadOnlyCollection<string> All { get; } =
    [
        Succeeded, Failing, NeverRan, InProgress, OnlyDryRuns, NotConfigured, Forbidden, Unauthorized, NotFound,
        Unreachable, TimedOut, NoConfig, Failed,
    ];
}

using Microsoft.Extensions.Logging;

namespace Bot.Kubernetes;

/// <summary>The cluster adapter's log lines, fixed event ids 7000–7099. Identifiers only, never payloads.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(7000, LogLevel.Warning, "Cluster check {Step} could not check: {Kind} on {Verb} {Resource}")]
    public static partial void CallFailed(ILogger logger, string step, string kind, string verb, string resource);

    [LoggerMessage(7001, LogLevel.Information, "GC history from {Source}: {Runs} runs, latest {Outcome}")]
    public static partial void GcRead(ILogger logger, string source, int runs, string outcome);
}

namespace Bot.Lab;

/// <summary>The lab's log lines (EventIds 5000–5099). Identifiers only: digests, paths, ports, counts.</summary>
internal static partial class LabLog
{
    [LoggerMessage(5000, LogLevel.Information, "Lab session {SessionId} starting scenario {Scenario} in {Directory}")]
    public static partial void SessionStarting(ILogger logger, string sessionId, string scenario, string directory);

    [LoggerMessage(5001, LogLevel.Information, "Registry for {RegistryName} listening on {BaseUri}, log {LogPath}")]
    public static partial void RegistryStarted(ILogger logger, string registryName, Uri baseUri, string logPath);

    [LoggerMessage(5002, LogLevel.Information, "Pushed {Reference} as {Digest}")]
    public static partial void Pushed(ILogger logger, string reference, string digest);

    [LoggerMessage(5003, LogLevel.Information,
        "Filled the volume with {Bytes} bytes of orphaned layers; {UsedPercent:F1} % used")]
    public static partial void Filled(ILogger logger, long bytes, double usedPercent);

    [LoggerMessage(5004, LogLevel.Information, "Induced {Failure}, checked over HTTP")]
    public static partial void Induced(ILogger logger, string failure);

    [LoggerMessage(5005, LogLevel.Information, "Lab session {SessionId} stopped and cleaned up")]
    public static partial void SessionStopped(ILogger logger, string sessionId);

    [LoggerMessage(5006, LogLevel.Warning, "Lab session cleanup step {Step} failed")]
    public static partial void CleanupFailed(ILogger logger, Exception exception, string step);

    [LoggerMessage(5007, LogLevel.Information, "Link of {Digest} emptied by ENOSPC in commit round {Round}")]
    public static partial void LinkLostToEnospc(ILogger logger, string digest, int round);

    [LoggerMessage(5008, LogLevel.Debug,
        "Commit round {Round} of {Exporters} exporters on the full volume left the link whole")]
    public static partial void EnospcAttemptMissed(ILogger logger, int round, int exporters);

    [LoggerMessage(5009, LogLevel.Information,
        "Cluster simulator for namespace {Namespace} at {BaseUri}, kubeconfig {KubeconfigPath}")]
    public static partial void ClusterStarted(ILogger logger, string @namespace, Uri baseUri, string kubeconfigPath);
}

using Microsoft.Extensions.Logging;

namespace Bot.Core.Investigations;

/// <summary>The investigation's log lines: one Information line per step, fixed event ids 1000–1099.</summary>
internal static partial class InvestigationLog
{
    [LoggerMessage(1000, LogLevel.Information, "Investigation {InvestigationId} opened for {Input}")]
    public static partial void Opened(ILogger logger, string investigationId, string input);

    [LoggerMessage(1001, LogLevel.Information, "Investigation {InvestigationId} resumed at {State}")]
    public static partial void Resumed(ILogger logger, string investigationId, InvestigationState state);

    [LoggerMessage(1002, LogLevel.Information,
        "Investigation {InvestigationId} step {Step} finished {Status} ({FindingCode}) in {DurationMs} ms")]
    public static partial void StepFinished(
        ILogger logger, string investigationId, StepName step, StepStatus status, string findingCode, long durationMs);

    [LoggerMessage(1003, LogLevel.Information, "Investigation {InvestigationId} concluded: {RootCause}")]
    public static partial void Concluded(ILogger logger, string investigationId, string rootCause);

    [LoggerMessage(1004, LogLevel.Warning,
        "Investigation {InvestigationId} step {Step} timed out after {TimeoutMs} ms")]
    public static partial void StepTimedOut(ILogger logger, string investigationId, StepName step, long timeoutMs);

    [LoggerMessage(1005, LogLevel.Error, "Investigation {InvestigationId} step {Step} failed unexpectedly")]
    public static partial void StepCrashed(ILogger logger, Exception exception, string investigationId, StepName step);

    [LoggerMessage(1006, LogLevel.Warning, "Observer {Observer} failed on investigation {InvestigationId}")]
    public static partial void ObserverFailed(
        ILogger logger, Exception exception, string observer, string investigationId);
}

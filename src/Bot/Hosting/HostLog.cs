using Microsoft.Extensions.Logging;

namespace Bot.Hosting;

/// <summary>The host's log lines, event ids 8000–8099.</summary>
internal static partial class HostLog
{
    [LoggerMessage(8000, LogLevel.Information, "Resuming {Count} unfinished investigation(s)")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(8001, LogLevel.Error, "The bot could not start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason);
}

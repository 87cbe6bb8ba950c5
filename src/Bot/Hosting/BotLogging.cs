using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace Bot.Hosting;

/// <summary>
/// Serilog, set once: levels from configuration, every line to stderr so that stdout carries only
/// what the command prints (a report, JSON, the chat). Event ids ride along as a property.
/// </summary>
public static class BotLogging
{
    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {EventId}{NewLine}{Exception}";

    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(outputTemplate: Template, standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateBootstrapLogger();

    public static void Configure(
        LoggerConfiguration logging, IConfiguration configuration, LogEventLevel consoleLevel) =>
        logging
            .ReadFrom.Configuration(configuration)
            .WriteTo.Console(
                outputTemplate: Template,
                standardErrorFromLevel: LogEventLevel.Verbose,
                restrictedToMinimumLevel: consoleLevel,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
}

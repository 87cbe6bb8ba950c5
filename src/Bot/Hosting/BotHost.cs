using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace Bot.Hosting;

/// <summary>Builds the bot's host: appsettings.json beside the binary, then environment, then the caller's overrides.</summary>
internal static class BotHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides, LogEventLevel consoleLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);

        builder.Services.AddSerilog((_, logging) => BotLogging.Configure(logging, builder.Configuration, consoleLevel));
        builder.Services.AddTriageBot(builder.Configuration);
        return builder.Build();
    }
}

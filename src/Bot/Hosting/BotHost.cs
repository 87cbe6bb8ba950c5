using Bot.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace Bot.Hosting;

/// <summary>
/// Builds the bot's host. Configuration: appsettings.json beside the binary, then the secret store
/// (<see cref="SecretStore"/>), then the environment, then the caller's overrides. One-shot
/// commands get a plain host; <c>serve</c> gets a web host
/// with the Slack endpoints and the background worker.
/// </summary>
internal static class BotHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides, LogEventLevel consoleLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });

        AddConfiguration(builder.Configuration, overrides);
        AddServices(builder.Services, builder.Configuration, consoleLevel);
        return builder.Build();
    }

    public static WebApplication BuildServer(IReadOnlyDictionary<string, string?> overrides)
    {
        var options = new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory };
        var builder = WebApplication.CreateSlimBuilder(options);

        AddConfiguration(builder.Configuration, overrides);
        AddServices(builder.Services, builder.Configuration, LogEventLevel.Information);
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddHostedService<TriageWorkerService>();

        var app = builder.Build();
        app.MapSlack("/slack");
        app.MapGet("/healthz", () => "ok");
        return app;
    }

    private static void AddConfiguration(
        IConfigurationBuilder configuration, IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var secrets = SecretStore.DirectoryOf(new ConfigurationBuilder()
            .AddJsonFile(settings, optional: false)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build());

        configuration
            .AddJsonFile(settings, optional: false)
            .AddKeyPerFile(secrets, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);
    }

    private static void AddServices(
        IServiceCollection services, IConfiguration configuration, LogEventLevel consoleLevel)
    {
        services.AddSerilog((_, logging) => BotLogging.Configure(logging, configuration, consoleLevel));
        services.AddTriageBot(configuration);
    }
}

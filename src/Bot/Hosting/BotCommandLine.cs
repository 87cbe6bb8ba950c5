using Bot.Core.Prompts;
using Bot.Core.Triage;
using Bot.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace Bot.Hosting;

/// <summary>
/// The bot's command-line contract (see README): <c>triage</c>, <c>resume</c>, <c>chat</c> and <c>serve</c>.
/// Exit 0 when the command ran to its end, whatever the triage found; 2 on bad usage, bad input
/// or bad configuration, with a message on stderr. The lab calls this too, with its own overrides.
/// </summary>
public static class BotCommandLine
{
    public const int Ok = 0;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string?> configOverrides,
        TextReader input,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var command = CommandLineArguments.Parse(args);
        if (command is null)
        {
            await error.WriteLineAsync(CommandLineArguments.Usage);
            return BadUsage;
        }

        // In the chat, log lines would drown the conversation: only warnings reach the terminal.
        var consoleLevel = command.Command == "chat" ? LogEventLevel.Warning : LogEventLevel.Information;
        using var host = TryBuild(command.Command, configOverrides, consoleLevel, out var failure);
        if (host is null)
        {
            await error.WriteLineAsync(failure);
            return BadUsage;
        }

        var services = host.Services;
        return command.Command switch
        {
            "triage" => await services.GetRequiredService<TriageCommand>()
                .RunAsync(command.Target!, command.Json, output, error, cancellationToken),
            "resume" => await services.GetRequiredService<TriageCommand>()
                .ResumeAsync(command.Json, output, cancellationToken),
            "serve" => await ServeAsync(host, cancellationToken),
            _ => await services.GetRequiredService<TerminalChat>().RunAsync(input, output, cancellationToken),
        };
    }

    private static async Task<int> ServeAsync(IHost host, CancellationToken cancellationToken)
    {
        await host.RunAsync(cancellationToken);
        return Ok;
    }

    private static IHost? TryBuild(
        string command, IReadOnlyDictionary<string, string?> overrides, LogEventLevel consoleLevel, out string failure)
    {
        failure = "";
        try
        {
            var host = command == "serve" ? BotHost.BuildServer(overrides) : BotHost.Build(overrides, consoleLevel);

            // Everything that can be wrong with the configuration is found now, before any work starts.
            // Commands do not start the host, so the options marked ValidateOnStart are checked here.
            host.Services.GetService<IStartupValidator>()?.Validate();
            _ = host.Services.GetRequiredService<PromptCatalog>();
            _ = host.Services.GetRequiredService<TriageWorker>();
            return host;
        }
        catch (Exception ex)
            when (ex is BotConfigurationException or PromptCatalogException or OptionsValidationException)
        {
            failure = $"The bot cannot start: {ex.Message}";
            return null;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is BotConfigurationException inner)
        {
            failure = $"The bot cannot start: {inner.Message}";
            return null;
        }
    }
}

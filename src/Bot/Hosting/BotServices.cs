using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Reports;
using Bot.Core.Triage;
using Bot.GitHub;
using Bot.GitHub.Links;
using Bot.Kubernetes;
using Bot.Registry;
using Bot.Slack;
using Bot.Storage;
using Bot.Storage.Sqlite;
using Bot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Hosting;

/// <summary>The composition root: the triage core, its store, and every adapter, from configuration.</summary>
internal static class BotServices
{
    public static IServiceCollection AddTriageBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<RunnerOptions>(configuration.GetSection("Investigation"));
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));

        services.AddSingleton<IInvestigationStore, SqliteInvestigationStore>();
        services.AddSingleton<InvestigationRunner>();
        services.AddSingleton<TargetParser>();
        services.AddSingleton<TriageQueue>();
        services.AddSingleton<ITriageLauncher, TriageLauncher>();
        services.AddSingleton<TriageWorker>();

        // The walk's steps, one adapter each; the runner takes every registered IInvestigationStep.
        services.AddGitHubCiLog(configuration);
        services.AddRegistryChecks(configuration);
        services.AddClusterChecks(configuration);

        services.AddSingleton(provider => LoadPrompts(configuration, provider));
        services.AddSingleton<TriageReportBuilder>();
        services.AddSingleton<ReportWriter>();
        services.AddSingleton<TriageCommand>();
        services.AddSingleton<TerminalChat>();

        return services;
    }

    /// <summary>
    /// Loads the prompt folder and checks it against every key the wired code can ask for, so a
    /// missing or broken template stops the start, not a conversation.
    /// </summary>
    private static PromptCatalog LoadPrompts(IConfiguration configuration, IServiceProvider provider)
    {
        var directory = configuration["Prompts:Directory"] ?? "prompts";
        var root = Path.IsPathRooted(directory) ? directory : Path.Combine(AppContext.BaseDirectory, directory);

        var required = PromptKeys.Core()
            .Concat(provider.GetRequiredService<InvestigationRunner>().FindingCodes.Select(PromptKeys.Finding))
            .Concat(GitHubRunLinks.RejectionCodes.Select(PromptKeys.Rejection))
            .Concat(TerminalPrompts.Keys)
            .Concat(SlackPrompts.Keys);
        return PromptCatalog.Load(root, required);
    }
}

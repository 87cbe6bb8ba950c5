using Bot.Core.Investigations;
using Bot.GitHub.Api;
using Bot.GitHub.Links;
using Bot.GitHub.Logs;
using Bot.GitHub.Step;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.GitHub;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>
    /// Registers the CI-log step and what it needs, bound to the <c>GitHub</c> section of
    /// <paramref name="configuration"/>; a bad section fails start-up (with <c>ValidateOnStart</c>).
    /// </summary>
    public static IServiceCollection AddGitHubCiLog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<GitHubOptions>()
            .Bind(configuration.GetSection(GitHubOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunLinkParser>();
        services.TryAddSingleton<Bot.Core.Triage.IRunLinkParser, GitHubRunLinks>();
        services.TryAddSingleton<CiLogClassifier>();
        services.TryAddSingleton<ICiLogSource, CiLogSource>();
        services.AddSingleton<IInvestigationStep, CiLogStep>();
        return services;
    }
}

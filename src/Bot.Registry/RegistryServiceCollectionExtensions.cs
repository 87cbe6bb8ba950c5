using Bot.Core.Investigations;
using Bot.Core.Triage;
using Bot.Registry.Auth;
using Bot.Registry.Blobs;
using Bot.Registry.Endpoints;
using Bot.Registry.Http;
using Bot.Registry.Manifests;
using Bot.Registry.Steps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// The manifest and blob steps with everything they need: the <c>Registry</c> options
    /// (validated at start), the named HttpClient with the auth handler, the token cache.
    /// </summary>
    public static IServiceCollection AddRegistryChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistryOptions>()
            .Bind(configuration.GetSection(RegistryOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<RegistryTokenCache>();
        services.TryAddTransient<RegistryAuthHandler>();
        services.AddHttpClient(RegistryHttp.ClientName, http =>
            {
                // Each call sets its own deadline from RequestTimeout; this only stops a runaway.
                http.Timeout = TimeSpan.FromMinutes(5);
                http.DefaultRequestHeaders.UserAgent.ParseAdd("triage-bot");
            })
            .AddHttpMessageHandler<RegistryAuthHandler>();

        services.TryAddSingleton<RegistryEndpointResolver>();
        services.TryAddSingleton<IRegistryAllowlist, ConfiguredRegistries>();
        services.TryAddSingleton<ManifestReader>();
        services.TryAddSingleton<BlobChecker>();
        services.AddSingleton<IInvestigationStep, ManifestStep>();
        services.AddSingleton<IInvestigationStep, BlobStep>();
        return services;
    }
}

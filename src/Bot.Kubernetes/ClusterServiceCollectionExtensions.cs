using Bot.Core.Investigations;
using Bot.Kubernetes.Api;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Volume;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Kubernetes;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Volume and Gc steps from the <c>Cluster</c> section. The Kubernetes client is
    /// built on first use, so a bot without cluster access starts and says so in its findings.
    /// </summary>
    public static IServiceCollection AddClusterChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>()
            .Bind(configuration.GetSection(ClusterOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Namespace), "Cluster:Namespace is required.")
            .Validate(
                o => o.StorageMountPath.StartsWith('/') && !o.StorageMountPath.Contains(".."),
                "Cluster:StorageMountPath must be an absolute path.")
            .Validate(o => o.UsageThresholdPercent is > 0 and <= 100, "Cluster:UsageThresholdPercent must be 1–100.")
            .Validate(
                o => o.ExecTimeout > TimeSpan.Zero && o.MaxExecOutputBytes > 0,
                "Cluster:ExecTimeout and MaxExecOutputBytes must be positive.")
            .Validate(
                o => o.Gc.Source != GcSourceKind.Harbor || o.Gc.Harbor.BaseUrl is { IsAbsoluteUri: true },
                "Cluster:Gc:Harbor:BaseUrl is required for the Harbor source.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IKubernetesFactory, KubernetesFactory>();
        services.AddSingleton<ClusterApi>();
        services.AddHttpClient<HarborGcSource>();
        services.AddSingleton<PodLogsGcSource>();
        services.AddSingleton<IInvestigationStep, VolumeStep>();
        services.AddSingleton<IInvestigationStep>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClusterOptions>>().Value;
            IGcSource? source = options.Gc.Source switch
            {
                GcSourceKind.Harbor => sp.GetRequiredService<HarborGcSource>(),
                GcSourceKind.PodLogs => sp.GetRequiredService<PodLogsGcSource>(),
                _ => null,
            };
            return new GcStep(source, sp.GetRequiredService<ILogger<GcStep>>());
        });
        return services;
    }
}

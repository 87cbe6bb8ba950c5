using Bot.Core.Investigations;
using Bot.Kubernetes.Gc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Kubernetes.Tests.Cluster;

public sealed class AddClusterChecksTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddClusterChecks(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddClusterChecks_ClusterSection_BindsKeysAndRegistersBothSteps()
    {
        using var services = Build(new()
        {
            ["Cluster:Namespace"] = "harbor",
            ["Cluster:LabelSelector"] = "app=harbor,component=registry",
            ["Cluster:UsageThresholdPercent"] = "85",
            ["Cluster:RegistryLogWindow"] = "3.00:00:00",
            ["Cluster:Gc:Source"] = "PodLogs",
            ["Cluster:Gc:PodLogs:CronJob"] = "registry-gc",
        });

        var options = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var steps = services.GetServices<IInvestigationStep>().ToList();

        Assert.Equal(85, options.UsageThresholdPercent);
        Assert.Equal(TimeSpan.FromHours(72), options.RegistryLogWindow);
        Assert.Equal("/storage", options.StorageMountPath);
        Assert.Equal(GcSourceKind.PodLogs, options.Gc.Source);
        Assert.Equal([StepName.Volume, StepName.Gc], steps.Select(s => s.Name));
    }

    [Fact]
    public void AddClusterChecks_HarborSourceWithoutBaseUrl_FailsValidation()
    {
        using var services = Build(new() { ["Cluster:Gc:Source"] = "Harbor" });

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<ClusterOptions>>().Value);

        Assert.Contains("Harbor:BaseUrl", error.Message);
    }

    [Fact]
    public void AddClusterChecks_RelativeMountPath_FailsValidation()
    {
        using var services = Build(new() { ["Cluster:StorageMountPath"] = "storage/../etc" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ClusterOptions>>().Value);
    }
}

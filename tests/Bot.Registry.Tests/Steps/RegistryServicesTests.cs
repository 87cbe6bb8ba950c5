using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Triage;
using Bot.Registry.Endpoints;
using Bot.Registry.Steps;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Registry.Tests.Steps;

public sealed class RegistryServicesTests
{
    [Fact]
    public void AddRegistryChecks_FromConfiguration_RegistersBothStepsAndBindsOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Registries:0:Name"] = "registry.internal:5000",
            ["Registry:Registries:0:BaseUri"] = "http://10.0.0.5:5000/",
            ["Registry:Registries:0:Username"] = "bot",
            ["Registry:BlobCheckConcurrency"] = "4",
            ["Registry:RequestTimeout"] = "00:00:05",
        }).Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddRegistryChecks(configuration)
            .BuildServiceProvider();

        var steps = provider.GetServices<IInvestigationStep>().Select(s => s.Name).ToList();
        var options = provider.GetRequiredService<IOptions<RegistryOptions>>().Value;

        Assert.Equal([StepName.Manifest, StepName.Blobs], steps);
        Assert.Equal(4, options.BlobCheckConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
        Assert.Equal(1024 * 1024, options.SmallBlobBytes);
        Assert.Equal(new Uri("http://10.0.0.5:5000/"), Assert.Single(options.Registries).BaseUri);
        Assert.NotNull(provider.GetRequiredService<RegistryEndpointResolver>().Resolve("REGISTRY.internal:5000"));
    }

    [Theory]
    [InlineData("registry.internal:5000", true)]
    [InlineData("REGISTRY.INTERNAL:5000", true)]
    [InlineData("registry.internal:5001", false)]
    [InlineData("registry.internal", false)]
    [InlineData("ghcr.io", false)]
    public void AddRegistryChecks_Allowlist_IsExactlyTheConfiguredRegistries(string registry, bool allowed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Registries:0:Name"] = "registry.internal:5000",
            ["Registry:Registries:0:BaseUri"] = "http://10.0.0.5:5000/",
        }).Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddRegistryChecks(configuration)
            .BuildServiceProvider();

        Assert.Equal(allowed, provider.GetRequiredService<IRegistryAllowlist>().Allows(registry));
    }

    [Theory]
    [InlineData("http://user:pw@10.0.0.5:5000/")]
    [InlineData("ftp://10.0.0.5/")]
    public void AddRegistryChecks_BaseUriUnsafe_FailsValidation(string baseUri)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Registries:0:Name"] = "registry.internal:5000",
            ["Registry:Registries:0:BaseUri"] = baseUri,
        }).Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddRegistryChecks(configuration)
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<RegistryOptions>>().Value);

        Assert.DoesNotContain("pw@", error.Message);
    }

    [Fact]
    public void PromptCatalog_WithRegistryFindings_LoadsWithNothingMissingOrUnused()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "prompts");
        var keys = PromptKeys.Core().Concat(ManifestFindings.All.Concat(BlobFindings.All).Select(PromptKeys.Finding));

        var catalog = PromptCatalog.Load(
            directory, keys, key => key.StartsWith("findings/manifest.", StringComparison.Ordinal)
                || key.StartsWith("findings/blobs.", StringComparison.Ordinal));

        var facts = new Dictionary<string, string>
        {
            ["ref"] = "registry.internal:5000/app:cache",
            ["answer"] = "500 UNKNOWN",
        };
        Assert.Equal(
            "The manifest registry.internal:5000/app:cache is tagged but its stored bytes are empty: " +
            "the registry answers 500 UNKNOWN.",
            catalog.Render("findings/manifest.manifest-corrupt", facts));
    }
}

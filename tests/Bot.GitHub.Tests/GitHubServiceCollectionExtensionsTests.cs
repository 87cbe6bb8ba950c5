using Bot.Core.Investigations;
using Bot.GitHub.Links;
using Bot.GitHub.Step;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.GitHub.Tests;

public sealed class GitHubServiceCollectionExtensionsTests
{
    [Fact]
    public void AddGitHubCiLog_BoundSection_RegistersTheStepAndParser()
    {
        using var provider = Build(new()
        {
            ["GitHub:WebBaseUrl"] = "https://ghe.example.com",
            ["GitHub:ApiBaseUrl"] = "https://ghe.example.com",
            ["GitHub:AllowedRepositories:0"] = "acme/app",
            ["GitHub:MaxLogBytes"] = "1048576",
        });

        var step = Assert.Single(provider.GetServices<IInvestigationStep>());
        var parser = provider.GetRequiredService<RunLinkParser>();

        Assert.IsType<CiLogStep>(step);
        Assert.True(parser.Parse("https://ghe.example.com/acme/app/actions/runs/5").IsValid);
        Assert.False(parser.Parse("https://ghe.example.com/acme/zzz/actions/runs/5").IsValid);
        Assert.Equal(1048576, provider.GetRequiredService<IOptions<GitHubOptions>>().Value.MaxLogBytes);
    }

    [Fact]
    public void AddGitHubCiLog_NoSection_UsesGitHubComDefaults()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<GitHubOptions>>().Value;

        Assert.Equal("https://github.com", options.WebBaseUrl);
        Assert.Equal("https://api.github.com/", options.ApiBaseUrl);
        Assert.Equal(32 * 1024 * 1024, options.MaxLogBytes);
        Assert.Empty(options.AllowedRepositories);
    }

    [Theory]
    [InlineData("GitHub:WebBaseUrl", "not a url")]
    [InlineData("GitHub:ApiBaseUrl", "ftp://x.example")]
    [InlineData("GitHub:MaxLogBytes", "0")]
    [InlineData("GitHub:AllowedRepositories:0", "just-a-name")]
    public void AddGitHubCiLog_BadSetting_FailsValidationNamingTheKey(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var options = provider.GetRequiredService<IOptions<GitHubOptions>>();

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHubOptions_ToString_NeverShowsTheToken()
    {
        var options = new GitHubOptions { Token = "ghp_secret" };

        var text = options.ToString();

        Assert.DoesNotContain("ghp_secret", text, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitHubCiLog(configuration);
        return services.BuildServiceProvider();
    }
}

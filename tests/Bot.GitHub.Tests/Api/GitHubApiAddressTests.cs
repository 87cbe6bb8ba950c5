using Bot.GitHub.Api;

namespace Bot.GitHub.Tests.Api;

public sealed class GitHubApiAddressTests
{
    [Theory]
    [InlineData("https://api.github.com/", "https://api.github.com/")]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://github.com", "https://api.github.com/")]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:5000/api/v3/", "http://127.0.0.1:5000/api/v3/")]
    [InlineData("https://proxy.example.com/github-api", "https://proxy.example.com/github-api/")]
    public void Resolve_ConfiguredUrl_GivesTheApiRoot(string configured, string expected)
    {
        var root = GitHubApiAddress.Resolve(new Uri(configured));

        Assert.Equal(new Uri(expected), root);
    }
}

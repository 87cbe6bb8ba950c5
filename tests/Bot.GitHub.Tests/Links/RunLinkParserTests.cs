using Bot.Core.Targets;
using Bot.GitHub.Links;
using Microsoft.Extensions.Options;

namespace Bot.GitHub.Tests.Links;

public sealed class RunLinkParserTests
{
    private static readonly RunLinkParser AnyRepo = Parser("https://github.com");

    [Theory]
    [InlineData("https://github.com/acme/app/actions/runs/123", null)]
    [InlineData("https://github.com/acme/app/actions/runs/123/", null)]
    [InlineData("https://github.com/acme/app/actions/runs/123?check_suite_focus=true", null)]
    [InlineData("https://github.com/acme/app/actions/runs/123#summary", null)]
    [InlineData("  https://github.com/acme/app/actions/runs/123  ", null)]
    [InlineData("https://GitHub.com/acme/app/actions/runs/123", null)]
    [InlineData("https://github.com/acme/app/actions/runs/123/job/456", 456L)]
    [InlineData("https://github.com/acme/app/actions/runs/123/job/456/", 456L)]
    [InlineData("https://github.com/acme/app/actions/runs/123/attempts/2", null)]
    [InlineData("https://github.com/acme/app/actions/runs/123/attempts/2/job/456", 456L)]
    public void Parse_GoodLink_GivesOwnerRepoRunAndJob(string text, long? jobId)
    {
        var result = AnyRepo.Parse(text);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(new RunLink(result.Link.Url, "acme", "app", 123, jobId), result.Link);
    }

    [Fact]
    public void Parse_LinkWithQueryAndSlash_KeepsACanonicalUrl()
    {
        var result = AnyRepo.Parse("https://github.com/acme/app/actions/runs/123/job/456/?pr=7#step:4:12");

        Assert.Equal(new Uri("https://github.com/acme/app/actions/runs/123/job/456"), result.Link!.Url);
    }

    [Fact]
    public void Parse_AttemptLink_ReportsTheAttempt()
    {
        var result = AnyRepo.Parse("https://github.com/acme/app/actions/runs/123/attempts/3");

        Assert.Equal(3, result.Attempt);
    }

    [Fact]
    public void Parse_RepoNameWithDotsAndDashes_IsAccepted()
    {
        var result = AnyRepo.Parse("https://github.com/my-org/my.repo_name-2/actions/runs/9");

        Assert.Equal("my.repo_name-2", result.Link!.Repository);
    }

    [Theory]
    [InlineData(null, RunLinkRejection.Empty)]
    [InlineData("", RunLinkRejection.Empty)]
    [InlineData("   ", RunLinkRejection.Empty)]
    [InlineData("github.com/acme/app/actions/runs/123", RunLinkRejection.NotAUrl)]
    [InlineData("registry.internal:5000/app:cache", RunLinkRejection.NotHttp)]
    [InlineData("ftp://github.com/acme/app/actions/runs/123", RunLinkRejection.NotHttp)]
    [InlineData("file:///etc/passwd", RunLinkRejection.NotHttp)]
    [InlineData("javascript:alert(1)", RunLinkRejection.NotHttp)]
    [InlineData("https://evil.example/acme/app/actions/runs/123", RunLinkRejection.HostNotAllowed)]
    [InlineData("https://github.com.evil.example/acme/app/actions/runs/123", RunLinkRejection.HostNotAllowed)]
    [InlineData("https://github.com:8443/acme/app/actions/runs/123", RunLinkRejection.HostNotAllowed)]
    [InlineData("https://user@evil.example/acme/app/actions/runs/123", RunLinkRejection.HostNotAllowed)]
    [InlineData("https://github.com/acme/app", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/acme/app/pull/12", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/acme/app/actions/workflows/ci.yml", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/acme/app/actions/runs", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/acme/app/actions/runs/123/logs", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/acme/app/actions/runs/123/job", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/acme/app/actions/runs/123/job/1/job/2", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/ac_me/app/actions/runs/123", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/acme/../actions/runs/123", RunLinkRejection.NotAnActionsRun)]
    [InlineData("https://github.com/acme/app/actions/runs/0", RunLinkRejection.BadId)]
    [InlineData("https://github.com/acme/app/actions/runs/-5", RunLinkRejection.BadId)]
    [InlineData("https://github.com/acme/app/actions/runs/12a", RunLinkRejection.BadId)]
    [InlineData("https://github.com/acme/app/actions/runs/99999999999999999999", RunLinkRejection.BadId)]
    [InlineData("https://github.com/acme/app/actions/runs/123/job/abc", RunLinkRejection.BadId)]
    [InlineData("https://github.com/acme/app/actions/runs/123/attempts/0", RunLinkRejection.BadId)]
    [InlineData("https://github.com/acme/app/actions/runs/123/attempts/3000000000", RunLinkRejection.BadId)]
    public void Parse_BadLink_IsRejectedWithAReason(string? text, RunLinkRejection expected)
    {
        var result = AnyRepo.Parse(text);

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Rejection);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void Parse_OverLongInput_IsRejectedBeforeParsing()
    {
        var text = "https://github.com/acme/app/actions/runs/1?" + new string('a', RunLinkParser.MaxLength);

        var result = AnyRepo.Parse(text);

        Assert.Equal(RunLinkRejection.TooLong, result.Rejection);
    }

    [Fact]
    public void Parse_RepoOnTheAllowlist_IsAcceptedIgnoringCase()
    {
        var parser = Parser("https://github.com", "Acme/App");

        var result = parser.Parse("https://github.com/acme/app/actions/runs/1");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_RepoNotOnTheAllowlist_IsRejectedNamingTheRepo()
    {
        var parser = Parser("https://github.com", "acme/app");

        var result = parser.Parse("https://github.com/acme/other/actions/runs/1");

        Assert.Equal(RunLinkRejection.RepositoryNotAllowed, result.Rejection);
        Assert.Contains("acme/other", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IsAllowed_StoredLinkForARepoNoLongerListed_IsFalse()
    {
        var parser = Parser("https://github.com", "acme/app");
        var stored = new RunLink(new Uri("https://github.com/acme/old/actions/runs/1"), "acme", "old", 1, null);

        var allowed = parser.IsAllowed(stored);

        Assert.False(allowed);
    }

    [Fact]
    public void Parse_EnterpriseHostWithPort_AcceptsOnlyThatHostAndPort()
    {
        var parser = Parser("http://127.0.0.1:5123/");

        var good = parser.Parse("http://127.0.0.1:5123/acme/app/actions/runs/7");
        var otherPort = parser.Parse("http://127.0.0.1:5124/acme/app/actions/runs/7");

        Assert.True(good.IsValid);
        Assert.Equal(RunLinkRejection.HostNotAllowed, otherPort.Rejection);
    }

    [Fact]
    public void Parse_WebBaseWithPathPrefix_RequiresThePrefix()
    {
        var parser = Parser("https://git.example.com/github");

        var good = parser.Parse("https://git.example.com/github/acme/app/actions/runs/7");
        var bad = parser.Parse("https://git.example.com/acme/app/actions/runs/7");

        Assert.True(good.IsValid);
        Assert.Equal(RunLinkRejection.NotAnActionsRun, bad.Rejection);
    }

    private static RunLinkParser Parser(string webBase, params string[] allowed) =>
        new(Options.Create(new GitHubOptions { WebBaseUrl = webBase, AllowedRepositories = allowed }));
}

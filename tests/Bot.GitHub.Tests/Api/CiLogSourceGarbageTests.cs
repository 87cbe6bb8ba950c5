using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.GitHub.Api;
using Bot.GitHub.Links;
using Bot.GitHub.Logs;
using Bot.GitHub.Step;
using Bot.GitHub.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.GitHub.Tests.Api;

/// <summary>
/// Something at GitHub's address answers, but not with the API's JSON: the CI-log step says so
/// in words, instead of a crash that names only an exception type.
/// </summary>
public sealed class CiLogSourceGarbageTests
{
    [Theory]
    [InlineData("application/json", "<html><body>502 from the proxy</body></html>")]
    [InlineData("application/json", """{"total_count":1,"jobs":[{"id":5,"name":"bu""")]
    [InlineData("text/html", "<html><body>Sign in to the corporate network</body></html>")]
    [InlineData("application/json", """{"total_count":1,"jobs":"none"}""")]
    public async Task Run_JobsAnswerIsNotTheApisJson_CouldNotCheckSayingSo(string contentType, string body)
    {
        await using var api = await StubGitHubApi.StartAsync(app =>
            app.MapGet("/api/v3/repos/o/r/actions/runs/1/jobs", () => Results.Text(body, contentType)));
        var options = Options.Create(new GitHubOptions { ApiBaseUrl = api.ApiBaseUri.ToString() });
        using var source = new CiLogSource(options, TimeProvider.System, NullLogger<CiLogSource>.Instance);
        var links = new RunLinkParser(options);
        var step = new CiLogStep(
            source, new CiLogClassifier(), links, TimeProvider.System, NullLogger<CiLogStep>.Instance);

        var result = await step.RunAsync(
            new Clues { RunLink = links.Parse("https://github.com/o/r/actions/runs/1").Link }, CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(CiLogFindings.Garbage, result.Finding.Code);
        Assert.Contains(
            "Could not check run 1 of o/r: GitHub answered something that is not the expected JSON (",
            Render(result.Finding),
            StringComparison.Ordinal);
    }

    private static string Render(Finding finding)
    {
        var catalog = PromptCatalog.Load(
            TestFiles.Prompts,
            CiLogFindings.All.Select(PromptKeys.Finding),
            key => key.StartsWith("findings/ci-log.", StringComparison.Ordinal));
        return catalog.Render(PromptKeys.Finding(finding.Code), finding.Facts);
    }
}

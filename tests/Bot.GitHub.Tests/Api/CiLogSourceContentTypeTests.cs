using Bot.Core.Targets;
using Bot.GitHub.Api;
using Bot.GitHub.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.GitHub.Tests.Api;

/// <summary>Log storage may label plain text as binary; Octokit would then hand over nothing.</summary>
public sealed class CiLogSourceContentTypeTests
{
    private const string JobsJson =
        """{"total_count":1,"jobs":[{"id":5,"run_id":1,"name":"build","status":"completed","conclusion":"failure"}]}""";

    [Theory]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/octet-stream")]
    [InlineData("binary/octet-stream")]
    public async Task Fetch_LogServedAsTextOrBinary_IsReadAsText(string contentType)
    {
        await using var api = await StubGitHubApi.StartAsync(app =>
        {
            app.MapGet("/api/v3/repos/o/r/actions/runs/1/jobs", () => Results.Text(JobsJson, "application/json"));
            app.MapGet("/api/v3/repos/o/r/actions/jobs/5/logs", (HttpRequest r) =>
                Results.Redirect($"http://localhost:{r.Host.Port}/blob"));
            app.MapGet("/blob", () => Results.Bytes("the log\n"u8.ToArray(), contentType));
        });
        var options = Options.Create(new GitHubOptions { ApiBaseUrl = api.ApiBaseUri.ToString() });
        using var source = new CiLogSource(options, TimeProvider.System, NullLogger<CiLogSource>.Instance);
        var link = new RunLink(new Uri("https://github.com/o/r/actions/runs/1"), "o", "r", 1, null);

        var result = await source.FetchFailedJobLogAsync(link, CancellationToken.None);

        Assert.Equal(CiFetchOutcome.Fetched, result.Outcome);
        Assert.Equal("the log\n", result.Log);
    }
}

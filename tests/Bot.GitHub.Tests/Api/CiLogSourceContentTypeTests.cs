using System.Net;
using Bot.Core.Targets;
using Bot.GitHub.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        var (app, port) = await StartAsync(contentType);
        await using var running = app;
        var options = Options.Create(new GitHubOptions { ApiBaseUrl = $"http://127.0.0.1:{port}/api/v3/" });
        using var source = new CiLogSource(options, TimeProvider.System, NullLogger<CiLogSource>.Instance);
        var link = new RunLink(new Uri("https://github.com/o/r/actions/runs/1"), "o", "r", 1, null);

        var result = await source.FetchFailedJobLogAsync(link, CancellationToken.None);

        Assert.Equal(CiFetchOutcome.Fetched, result.Outcome);
        Assert.Equal("the log\n", result.Log);
    }

    private static async Task<(WebApplication App, int Port)> StartAsync(string contentType)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/api/v3/repos/o/r/actions/runs/1/jobs", () => Results.Text(JobsJson, "application/json"));
        app.MapGet("/api/v3/repos/o/r/actions/jobs/5/logs", (HttpRequest r) =>
            Results.Redirect($"http://localhost:{r.Host.Port}/blob"));
        app.MapGet("/blob", () => Results.Bytes("the log\n"u8.ToArray(), contentType));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return (app, new Uri(addresses.Addresses.First()).Port);
    }
}

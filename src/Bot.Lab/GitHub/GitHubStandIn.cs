using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bot.Lab.GitHub;

/// <summary>
/// A stand-in for the part of GitHub the CI-log step reads, on 127.0.0.1 and a free port: a run,
/// its jobs, and job logs behind a 302 to one-time storage URLs, all under <c>/api/v3/</c> as
/// Octokit addresses any host but github.com. Storage is addressed as <c>localhost</c>, a different
/// host name, so Octokit drops the token on the redirect as it does for GitHub's real storage, and
/// storage refuses a request that still carries one.
/// </summary>
public sealed class GitHubStandIn : IAsyncDisposable
{
    private const string ApiPrefix = "/api/v3";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests;

    private GitHubStandIn(WebApplication app, ConcurrentQueue<string> requests, int port)
    {
        _app = app;
        _requests = requests;
        WebBaseUri = new Uri($"http://127.0.0.1:{port}/");
        ApiBaseUri = new Uri($"http://127.0.0.1:{port}{ApiPrefix}/");
    }

    /// <summary>What <c>GitHub:ApiBaseUrl</c> is set to.</summary>
    public Uri ApiBaseUri { get; }

    /// <summary>What <c>GitHub:WebBaseUrl</c> is set to.</summary>
    public Uri WebBaseUri { get; }

    /// <summary><c>"GET /path?query"</c> of every request, in arrival order, for assertions.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static Task<GitHubStandIn> StartAsync(IReadOnlyList<LabRun> runs, CancellationToken cancellationToken) =>
        StartAsync(runs, requiredToken: null, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(IReadOnlyList{LabRun}, CancellationToken)"/>; with a token, API
    /// calls that do not carry it (<c>token …</c> or <c>Bearer …</c>) get GitHub's 401.
    /// </summary>
    public static async Task<GitHubStandIn> StartAsync(
        IReadOnlyList<LabRun> runs, string? requiredToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var requests = new ConcurrentQueue<string>();
        var tickets = new LogTickets(TimeProvider.System);
        var routes = new StandInRoutes(runs, tickets, requiredToken);
        app.Use(async (context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await next(context);
        });
        routes.Map(app, ApiPrefix);

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var address = addresses.Addresses.First();
        return new GitHubStandIn(app, requests, new Uri(address).Port);
    }

    /// <summary><c>&lt;WebBaseUri&gt;/&lt;owner&gt;/&lt;repo&gt;/actions/runs/&lt;id&gt;</c>.</summary>
    public Uri RunLink(LabRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new Uri(WebBaseUri, $"{run.Owner}/{run.Repository}/actions/runs/{run.RunId}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

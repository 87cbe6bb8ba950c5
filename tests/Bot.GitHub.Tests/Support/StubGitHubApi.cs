using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.GitHub.Tests.Support;

/// <summary>
/// A few hand-written routes on a loopback port, for the answers the lab's faithful stand-in never
/// gives (storage labels, garbage bodies). The caller maps the routes.
/// </summary>
internal sealed class StubGitHubApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubGitHubApi(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public Uri ApiBaseUri => new($"http://127.0.0.1:{Port}/api/v3/");

    public static async Task<StubGitHubApi> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new StubGitHubApi(app, new Uri(addresses.Addresses.First()).Port);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

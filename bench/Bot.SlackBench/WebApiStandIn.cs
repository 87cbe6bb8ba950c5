using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.SlackBench;

/// <summary>A loopback stand-in for Slack's Web API that answers ok to everything and counts calls.</summary>
internal sealed class WebApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private WebApiStandIn(WebApplication app) => _app = app;

    public Uri ApiUrl { get; private set; } = null!;

    public int Calls => Volatile.Read(ref _calls);

    public static async Task<WebApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new WebApiStandIn(app);
        app.MapPost("/api/{method}", (string method) =>
        {
            Interlocked.Increment(ref standIn._calls);
            return Results.Text("""{"ok":true,"message_ts":"1.1","ts":"1.1","channel":"C0BENCH","users":[]}""",
                "application/json");
        });
        await app.StartAsync();
        standIn.ApiUrl = new Uri(app.Urls.First() + "/api/");
        return standIn;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

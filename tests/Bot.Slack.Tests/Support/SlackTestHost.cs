using Bot.Lab.Slack;
using System.Globalization;
using System.Text;
using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Triage;
using Bot.Slack.Clicks;
using Bot.Slack.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests.Support;

/// <summary>
/// The bot side of an integration test: the real endpoints on Kestrel (127.0.0.1, a free port),
/// the real adapter wiring from <see cref="SlackServiceCollectionExtensions.AddSlack"/>, and the
/// triage core with test-only fake steps, talking to a <see cref="SlackStandIn"/>.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Channel = "C0TRIAGE";
    public const string Approver = "U0APPROVER";

    private readonly WebApplication _app;
    private readonly bool _ownsDatabase;

    private SlackTestHost(WebApplication app, FakeTimeProvider time, string dbPath, bool ownsDatabase)
    {
        _app = app;
        _ownsDatabase = ownsDatabase;
        Time = time;
        DbPath = dbPath;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public string DbPath { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SlackTestHost> StartAsync(
        SlackStandIn slack,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null,
        string? dbPath = null,
        IInvestigationStore? store = null)
    {
        var ownsDatabase = dbPath is null;
        dbPath ??= Path.Combine(Path.GetTempPath(), $"bot-slack-{Guid.NewGuid():N}.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test-bot-token",
            ["Slack:AppToken"] = "xapp-test-app-token",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:Channel"] = Channel,
            ["Slack:ApiBaseUrl"] = slack.ApiUrl.ToString(),
            ["Slack:Approvers:0"] = Approver,
            ["Slack:PostInterval"] = "00:00:00",
            ["Storage:SqlitePath"] = dbPath,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);

        var services = builder.Services;
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<PromptCatalog>(TestPrompts.Catalog);
        services.AddSingleton(store ?? new InMemoryInvestigationStore());
        foreach (var step in FakeSteps.All())
            services.AddSingleton(step);
        services.Configure<RunnerOptions>(_ => { });
        services.AddSingleton<InvestigationRunner>();
        services.AddSingleton<TriageQueue>();
        services.AddSingleton<IRunLinkParser, NoRunLinks>();
        services.AddSingleton<IRegistryAllowlist, OnlyTestRegistry>();
        services.AddSingleton<TargetParser>();
        services.AddSingleton<ITriageLauncher, TriageLauncher>();
        services.AddSingleton<TriageWorker>();
        services.AddSlack(builder.Configuration);
        configure?.Invoke(services);

        var app = builder.Build();
        app.MapSlack("/slack");
        await app.StartAsync();
        return new SlackTestHost(app, time, dbPath, ownsDatabase);
    }

    /// <summary>
    /// Leaves the click worker out: clicks are stored and acknowledged but never handled, as in a
    /// process that stopped right after its acks.
    /// </summary>
    public static void WithoutClickWorker(IServiceCollection services) =>
        RemoveHostedService<ClickInboxService>(services);

    /// <summary>Leaves one background service out, so a test can start it by hand when it wants.</summary>
    public static void RemoveHostedService<T>(IServiceCollection services) =>
        services.Remove(services.Single(d => d.ImplementationType == typeof(T)));

    public Task<HttpResponseMessage> PostSignedAsync(
        string path, string body, long? timestamp = null, string secret = Secret,
        string contentType = "application/x-www-form-urlencoded")
    {
        var ts = (timestamp ?? Time.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret, ts, bytes));
        return Client.SendAsync(request);
    }

    public static string CommandForm(string text, string user = "U0ASKER", string command = "/triage") =>
        "token=ignored&team_id=T1&channel_id=C0ASKED&user_id=" + user +
        "&command=" + Uri.EscapeDataString(command) + "&text=" + Uri.EscapeDataString(text) +
        "&response_url=" + Uri.EscapeDataString("https://hooks.slack.com/commands/T1/1/x") + "&trigger_id=1.2.3";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(DbPath);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using Bot.Hosting;
using Bot.Lab.Slack;
using Bot.Slack;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Hosting;

/// <summary>
/// The secret store: one file per key in <c>Secrets:Directory</c>, as a Kubernetes Secret volume
/// mounts it. The token in the file is the one the bot sends, and no log line ever shows it.
/// </summary>
public sealed class SecretStoreTests : IAsyncLifetime
{
    private const string Token = "xoxb-from-the-secret-store-7f3a";
    private const string Secret = "signing-secret-from-the-store-91c2";
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-secrets-").FullName;
    private SlackStandIn _slack = null!;

    private string Secrets => Path.Combine(_directory, "secrets");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Secrets);
        // Written as `kubectl create secret --from-file` and most editors leave them: with a newline.
        await File.WriteAllTextAsync(Path.Combine(Secrets, "Slack__BotToken"), Token + "\n");
        await File.WriteAllTextAsync(Path.Combine(Secrets, "Slack__SigningSecret"), Secret + "\n");
        _slack = await SlackStandIn.StartAsync();
    }

    [Fact]
    public async Task BuildServer_TokenFilesInTheDirectory_AreTheSlackSettings()
    {
        await using var bot = BotHost.BuildServer(Settings(Secrets));

        var slack = bot.Services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal(Token, slack.BotToken);
        Assert.Equal(Secret, slack.SigningSecret);
    }

    [Fact]
    public async Task BuildServer_NoSuchDirectory_RunsOnTheOtherSettings()
    {
        var settings = Settings(Path.Combine(_directory, "not-mounted"));
        settings["Slack:BotToken"] = "xoxb-from-settings";
        settings["Slack:SigningSecret"] = "from-settings";

        await using var bot = BotHost.BuildServer(settings);

        Assert.Equal("xoxb-from-settings", bot.Services.GetRequiredService<IOptions<SlackOptions>>().Value.BotToken);
    }

    [Fact]
    public async Task Serve_TokenFromTheStore_IsWhatSlackGetsAndNeverWhatTheLogsSay()
    {
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Secrets__Directory"] = Secrets,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__SqlitePath"] = Path.Combine(_directory, "triage.db"),
            ["Slack__Channel"] = "C0SECRETS",
            ["Slack__ApiBaseUrl"] = _slack.ApiUrl.ToString(),
            ["Slack__PostInterval"] = "00:00:00",
            // Nothing listens there: the walk ends fast with "could not check", after the first post.
            ["Registry__Registries__0__Name"] = "registry.internal:5000",
            ["Registry__Registries__0__BaseUri"] = "http://127.0.0.1:9/",
            // No category held back (the framework's and HttpClient's are Warning by default), so
            // a secret in any line serve writes would show.
            ["Serilog__MinimumLevel__Default"] = "Verbose",
            ["Serilog__MinimumLevel__Override__Microsoft"] = "Verbose",
            ["Serilog__MinimumLevel__Override__System.Net.Http.HttpClient"] = "Verbose",
        };
        using var bot = BotProcess.Start(environment, "serve");
        var error = bot.StandardError.ReadToEndAsync();
        var output = bot.StandardOutput.ReadToEndAsync();

        var accepted = await PostTriageAsync(port);
        // An edit follows the post and its log line, so the logs hold at least that line by then.
        var posted = await Poll.UntilAsync(() => _slack.CallsTo("chat.update").Count > 0, TimeSpan.FromSeconds(60));
        bot.Kill(entireProcessTree: true);
        await bot.WaitForExitAsync();
        var logs = await error + await output;

        Assert.True(accepted, "serve never accepted the signed command.\n" + logs);
        Assert.True(posted, "The living message was never posted.\n" + logs);
        Assert.All(_slack.Calls, c => Assert.Equal("Bearer " + Token, c.Authorization));
        Assert.Contains("6020", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, logs, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Dictionary<string, string?> Settings(string secrets) => new()
    {
        ["Secrets:Directory"] = secrets,
        ["Urls"] = "http://127.0.0.1:0",
        ["Storage:SqlitePath"] = Path.Combine(_directory, "triage.db"),
        ["Slack:Channel"] = "C0SECRETS",
    };

    /// <summary>Signs with the secret from the file: only a bot that read it accepts the command.</summary>
    private static async Task<bool> PostTriageAsync(int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var body = SignedSlackRequest.TriageForm("registry.internal:5000/app:cache");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                using var request = SignedSlackRequest.Form("/slack/commands", body, Secret);
                using var response = await http.SendAsync(request, deadline.Token);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
                await Task.Delay(200, CancellationToken.None);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

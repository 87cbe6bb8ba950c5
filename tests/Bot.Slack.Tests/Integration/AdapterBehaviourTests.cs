using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Core.Triage;
using Bot.Slack.Events;
using Bot.Slack.Inbound;
using Bot.Slack.Interactivity;
using Bot.Lab.Slack;
using Bot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Tests.Integration;

/// <summary>Start-up validation, logging hygiene, Events API dedupe and the response_url rules.</summary>
public sealed class AdapterBehaviourTests : IAsyncLifetime
{
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Startup_MissingSecrets_FailsNamingEachKeyButNoValue()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "",
            ["Slack:SigningSecret"] = "",
            ["Slack:Channel"] = "",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackTestHost.StartAsync(_slack,
            settings: settings));

        Assert.Contains("Slack:BotToken is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Slack__BotToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("Slack:SigningSecret is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Slack:Channel is missing", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-test-app-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_SocketModeWithoutAppToken_Fails()
    {
        var settings = new Dictionary<string, string?> { ["Slack:UseSocketMode"] = "true", ["Slack:AppToken"] = "" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackTestHost.StartAsync(_slack,
            settings: settings));

        Assert.Contains("Slack:AppToken is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_ForgedAndAcceptedRequests_NeverCarryBodiesTokensOrSecrets()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await SlackTestHost.StartAsync(_slack, s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton<ITriageLauncher>(new RecordingLauncher());
        });
        const string Marker = "zz-body-marker-zz";

        await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(Marker), secret: "forged");
        await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(Marker));
        await host.PostSignedAsync("/slack/commands",
            SlackTestHost.CommandForm(Marker) + "&pad=" + new string('x', 1_100_000));

        var all = string.Join('\n', logs.Lines);
        Assert.Contains("6000", all, StringComparison.Ordinal);
        Assert.Contains("6001", all, StringComparison.Ordinal);
        Assert.Contains("6003", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, all, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackTestHost.Secret, all, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-test-bot-token", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_SameEventDeliveredTwice_IsHandledOnceAndAckedTwice()
    {
        var reactions = new CountingEventHandler("reaction_added");
        await using var host = await SlackTestHost.StartAsync(_slack,
            s => s.AddSingleton<ISlackEventHandler>(reactions));
        var body = Fixture.Text("events/event_callback.reaction_added.json");

        var first = await host.PostSignedAsync("/slack/events", body, contentType: "application/json");
        var retry = await host.PostSignedAsync("/slack/events", body, contentType: "application/json");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => reactions.Handled >= 1));
        await Task.Delay(200);
        Assert.Equal(1, reactions.Handled);
    }

    [Fact]
    public async Task Events_WorkQueueFull_Answers503AndSlacksRetryIsHandled()
    {
        var reactions = new CountingEventHandler("reaction_added");
        await using var host = await SlackTestHost.StartAsync(_slack, s =>
        {
            s.AddSingleton<ISlackEventHandler>(reactions);
            SlackTestHost.RemoveHostedService<SlackWorkService>(s);
        });
        var queue = host.Services.GetRequiredService<SlackWorkQueue>();
        for (var i = 0; i < SlackWorkQueue.Capacity; i++)
            Assert.True(queue.TryEnqueue("filler", _ => Task.CompletedTask));
        var body = Fixture.Text("events/event_callback.reaction_added.json");

        var refused = await host.PostSignedAsync("/slack/events", body, contentType: "application/json");
        var worker = ActivatorUtilities.CreateInstance<SlackWorkService>(host.Services);
        await worker.StartAsync(default);
        Assert.True(await Eventually.TrueAsync(() => queue.TryEnqueue("probe", _ => Task.CompletedTask)));
        var retry = await host.PostSignedAsync("/slack/events", body, contentType: "application/json");
        var handled = await Eventually.TrueAsync(() => reactions.Handled == 1);
        await worker.StopAsync(default);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(handled);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/actions/T1/1/x", true)]
    [InlineData("https://HOOKS.slack.com/commands/T1/1/x", true)]
    [InlineData("http://hooks.slack.com/actions/T1/1/x", false)]
    [InlineData("https://hooks.slack.com.evil.example/actions", false)]
    [InlineData("https://evil.example/hooks.slack.com/", false)]
    [InlineData("https://user@hooks.slack.com/actions", false)]
    [InlineData("https://hooks.slack.com:8443/actions", false)]
    [InlineData("/actions/T1", false)]
    [InlineData(null, false)]
    public void ResponseUrl_OnlySlacksHooksHostOverHttps_IsAllowed(string? url, bool allowed)
    {
        Assert.Equal(allowed, ResponseUrlClient.IsAllowed(url));
    }

    [Fact]
    public async Task ResponseUrl_Post_SendsTheReplyWithoutAnyToken()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, "ok", contentType: "text/plain");
        var client = new ResponseUrlClient(http, NullLogger<ResponseUrlClient>.Instance);

        var posted = await client.TryPostAsync("https://hooks.slack.com/actions/T1/1/x",
            new SlackReply("hello"), default);

        Assert.True(posted);
        var (request, body) = Assert.Single(http.Requests);
        Assert.Null(request.Headers.Authorization);
        Assert.Contains("\"response_type\":\"ephemeral\"", body, StringComparison.Ordinal);
        Assert.Contains("\"replace_original\":false", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseUrl_NotSlacks_IsNeverCalled()
    {
        var http = new StubHttp();
        var client = new ResponseUrlClient(http, NullLogger<ResponseUrlClient>.Instance);

        var posted = await client.TryPostAsync("https://attacker.example/collect", new SlackReply("hello"), default);

        Assert.False(posted);
        Assert.Empty(http.Requests);
    }

    [Fact]
    public async Task Interactivity_ClickWithSlacksResponseUrl_AnswersThroughIt()
    {
        var hooks = new StubHttp().Answer(HttpStatusCode.OK, "ok", contentType: "text/plain");
        await using var host = await SlackTestHost.StartAsync(_slack, s => s.AddSingleton<IHttpClientFactory>(
            new RoutingFactory(hooks)));
        var body = Fixture.Text("interactivity/block_actions.message-button.bolt-python.form.txt")
            .Replace("%22a%22", "%22fix%3Adelete-cache-manifest%22", StringComparison.Ordinal);

        var response = await host.PostSignedAsync("/slack/interactivity", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => { lock (hooks.Requests) return hooks.Requests.Count == 1; }));
        Assert.Equal("https://hooks.slack.com/actions/T111/111/random-value",
            hooks.Requests[0].Request.RequestUri!.ToString());
        Assert.Empty(_slack.CallsTo("chat.postEphemeral"));
    }

    [Fact]
    public async Task Commands_FormWithCharsetAndLowerCaseHeaders_IsAccepted()
    {
        await using var host = await SlackTestHost.StartAsync(_slack,
            s => s.AddSingleton<ITriageLauncher>(new RecordingLauncher()));
        var bytes = Encoding.UTF8.GetBytes(SlackTestHost.CommandForm("help"));
        var ts = host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/slack/commands") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType =
            MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
        request.Headers.Add("x-slack-request-timestamp", ts);
        request.Headers.Add("x-slack-signature",
            Bot.Slack.Signing.SlackSignatureVerifier.Sign(SlackTestHost.Secret, ts, bytes));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    // A store that answers synchronously (SQLite does) holds its thread; the budget must still win.
    [InlineData(true)]
    public async Task Triage_LauncherSlowerThanTheAckBudget_AcksFirstThenAnswersThroughResponseUrl(bool blocksItsThread)
    {
        var hooks = new StubHttp().Answer(HttpStatusCode.OK, "ok", contentType: "text/plain");
        var launcher = new SlowLauncher(blocksItsThread);
        await using var host = await SlackTestHost.StartAsync(_slack, s =>
        {
            s.AddSingleton<IHttpClientFactory>(new RoutingFactory(hooks));
            s.AddSingleton<ITriageLauncher>(launcher);
        });

        var pending = host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(FakeSteps.Ref));
        Assert.True(await Eventually.TrueAsync(() => launcher.Called));
        var acked = await Eventually.TrueAsync(() =>
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(500));
            return pending.IsCompleted;
        });
        var ack = await (await pending).Content.ReadAsStringAsync();
        var quiet = hooks.Requests.Count == 0;
        launcher.Finish(LaunchResult.Started("inv-slow"));

        Assert.True(acked);
        Assert.Contains("longer than usual", ack, StringComparison.Ordinal);
        Assert.True(quiet);
        Assert.True(await Eventually.TrueAsync(() => { lock (hooks.Requests) return hooks.Requests.Count == 1; }));
        Assert.Contains("inv-slow", hooks.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("https://hooks.slack.com/commands/T1/1/x", hooks.Requests[0].Request.RequestUri!.ToString());
    }

    private sealed class SlowLauncher(bool blocksItsThread) : ITriageLauncher
    {
        private readonly TaskCompletionSource<LaunchResult> _result =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Called { get; private set; }

        public void Finish(LaunchResult result) => _result.SetResult(result);

        public Task<LaunchResult> LaunchAsync(TriageRequest request, CancellationToken cancellationToken)
        {
            Called = true;
            if (blocksItsThread)
                _result.Task.Wait(CancellationToken.None);
            return _result.Task;
        }
    }

    /// <summary>Sends response_url calls to the stub and everything else over the network as usual.</summary>
    private sealed class RoutingFactory(StubHttp hooks) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) =>
            name == ResponseUrlClient.HttpClientName ? hooks.CreateClient(name) : new HttpClient();
    }
}

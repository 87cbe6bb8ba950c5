using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Bot.Core.Triage;
using Bot.Slack.Clicks;
using Bot.Slack.Events;
using Bot.Slack.Inbound;
using Bot.Slack.SlashCommands;
using Bot.Slack.SocketMode;
using Bot.Slack.WebApi;
using Bot.Lab.Slack;
using Bot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Slack.Tests.SocketMode;

/// <summary>Socket Mode against a local WebSocket stand-in on Kestrel.</summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private readonly RecordingLauncher _launcher = new();
    private readonly CountingEventHandler _mentions = new("app_mention");
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Session_RetriedDelivery_IsAckedEachTimeButHandledOnce()
    {
        await using var host = await StartHostAsync(socketMode: false);
        var acks = new ConcurrentQueue<string>();
        _slack.SocketScripts.Enqueue(async socket =>
        {
            await SocketFrames.SendAsync(socket, Fixture.Text("socket-mode/hello.python-sdk.json"));
            await SocketFrames.SendAsync(socket,
                Fixture.Text("socket-mode/events_api.app_mention.first.python-sdk.json"));
            await SocketFrames.SendInPiecesAsync(socket,
                Fixture.Text("socket-mode/events_api.app_mention.retry.node-sdk.json"), 4);
            await SocketFrames.SendAsync(socket, Fixture.Text("socket-mode/slash_commands.envelope.python-sdk.json"));
            await SocketFrames.SendAsync(socket,
                Fixture.Text("socket-mode/interactive.block_actions.envelope.derived.json"));
            for (var i = 0; i < 4; i++)
                acks.Enqueue(await SocketFrames.ReceiveAsync(socket) ?? "closed");
            await SocketFrames.SendAsync(socket,
                Fixture.Element("socket-mode/disconnect.samples.slack-docs.json")[2].GetRawText());
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        });

        using var client = new ClientWebSocket();
        var session = await ConnectSessionAsync(client, host);
        var end = await session.RunAsync(default);
        await session.DrainAsync(TimeSpan.FromSeconds(10), TimeProvider.System, default);

        Assert.Equal(SessionEnd.Reconnect, end);
        Assert.True(session.Greeted);
        var parsed = acks.Select(a => JsonNode.Parse(a)!).ToList();
        Assert.Equal(
            ["cda4159a-72a5-4744-aba3-4d66eb52682b", "cda4159a-72a5-4744-aba3-4d66eb52682b",
             "1d3c79ab-0ffb-41f3-a080-d19e85f53649", "dbdd0ef3-1543-4f94-bfb4-133d0e6c1545"],
            parsed.Select(a => a["envelope_id"]!.GetValue<string>()));
        Assert.Null(parsed[0]["payload"]);
        Assert.Equal("ephemeral", parsed[2]["payload"]!["response_type"]!.GetValue<string>());
        Assert.Contains("/hello-socket-mode", parsed[2]["payload"]!["text"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => _mentions.Handled >= 1));
        await Task.Delay(200);
        Assert.Equal(1, _mentions.Handled);
    }

    [Fact]
    public async Task Session_MalformedFrames_AreSkippedWithoutActingAndTheNextCommandIsStillHandled()
    {
        await using var host = await StartHostAsync(socketMode: false);
        string[] garbage =
        [
            "{not json",
            "[1,2,3]",
            "\"just a string\"",
            "null",
            """{"type":"mystery"}""",
            """{"type":"mystery","envelope_id":"env-mystery"}""",
            """{"type":"slash_commands","envelope_id":"env-string","payload":"oops"}""",
            """{"type":"slash_commands","envelope_id":"env-null","payload":null}""",
            """{"type":"interactive","envelope_id":"env-empty","payload":{}}""",
            """{"type":"events_api","envelope_id":"env-no-event","payload":{"type":"event_callback"}}""",
        ];
        var acks = new ConcurrentQueue<string>();
        _slack.SocketScripts.Enqueue(async socket =>
        {
            await SocketFrames.SendAsync(socket, Fixture.Text("socket-mode/hello.python-sdk.json"));
            foreach (var frame in garbage)
                await SocketFrames.SendAsync(socket, frame);
            await SocketFrames.SendAsync(socket, TriageEnvelope("env-ok", FakeSteps.Ref));
            // Five envelopes carry an id: the four broken ones and the good one.
            for (var i = 0; i < 5; i++)
                acks.Enqueue(await SocketFrames.ReceiveAsync(socket) ?? "closed");
            await SayGoodbyeAsync(socket);
        });

        using var client = new ClientWebSocket();
        var session = await ConnectSessionAsync(client, host);
        var end = await session.RunAsync(default);
        await session.DrainAsync(TimeSpan.FromSeconds(10), TimeProvider.System, default);

        Assert.Equal(SessionEnd.Reconnect, end);
        // Envelopes are acknowledged even when broken (a retry would not mend them); unreadable JSON has no id.
        var acked = acks.Select(a => JsonNode.Parse(a)!["envelope_id"]!.GetValue<string>()).Order();
        Assert.Equal(["env-empty", "env-mystery", "env-no-event", "env-null", "env-ok"], acked);
        Assert.Equal(FakeSteps.Ref, Assert.Single(_launcher.Requests).Input);
        await Task.Delay(200);
        Assert.Empty(_slack.CallsTo("chat.postMessage"));
        Assert.Empty(_slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(0, _mentions.Handled);
    }

    [Fact]
    public async Task Session_HandlerThrows_EnvelopeIsNotAckedAndItsRedeliveryIsHandled()
    {
        var flaky = new FailsOnceCommand("/flaky");
        await using var host = await SlackTestHost.StartAsync(_slack,
            s => s.AddSingleton<ISlashCommandHandler>(flaky));
        var acks = new ConcurrentQueue<string>();
        _slack.SocketScripts.Enqueue(async socket =>
        {
            await SocketFrames.SendAsync(socket, Fixture.Text("socket-mode/hello.python-sdk.json"));
            await SocketFrames.SendAsync(socket, CommandEnvelope("env-flaky", "/flaky", ""));
            // Slack delivers an envelope again when it got no ack for it.
            await SocketFrames.SendAsync(socket, CommandEnvelope("env-flaky", "/flaky", ""));
            await SocketFrames.SendAsync(socket, TriageEnvelope("env-next", "help"));
            for (var i = 0; i < 2; i++)
                acks.Enqueue(await SocketFrames.ReceiveAsync(socket) ?? "closed");
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        });

        using var client = new ClientWebSocket();
        var session = await ConnectSessionAsync(client, host);
        var end = await session.RunAsync(default);

        Assert.Equal(SessionEnd.Dropped, end);
        Assert.Equal(2, flaky.Calls);
        var parsed = acks.Select(a => JsonNode.Parse(a)!).ToList();
        Assert.Equal(["env-flaky", "env-next"], parsed.Select(a => a["envelope_id"]!.GetValue<string>()));
        Assert.Equal("handled on attempt 2", parsed[0]["payload"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Session_Click_IsStoredBeforeItIsAcked()
    {
        await using var host = await SlackTestHost.StartAsync(_slack, SlackTestHost.WithoutClickWorker);
        var inbox = host.Services.GetRequiredService<ClickInbox>();
        var storedAtAck = -1;
        _slack.SocketScripts.Enqueue(async socket =>
        {
            await SocketFrames.SendAsync(socket, Fixture.Text("socket-mode/hello.python-sdk.json"));
            await SocketFrames.SendAsync(socket, new JsonObject
            {
                ["envelope_id"] = "env-click",
                ["type"] = "interactive",
                ["accepts_response_payload"] = false,
                ["payload"] = JsonNode.Parse(ClickForms.Payload("inv-clicked", SlackTestHost.Approver)),
            }.ToJsonString());
            await SocketFrames.ReceiveAsync(socket);
            storedAtAck = await inbox.CountPendingAsync(default);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        });

        using var client = new ClientWebSocket();
        var session = await ConnectSessionAsync(client, host);
        await session.RunAsync(default);

        Assert.Equal(1, storedAtAck);
    }

    [Fact]
    public async Task Service_ReconnectsOnWarningAndOnDrop_AndStopsWhenLinkDisabled()
    {
        var acks = new ConcurrentQueue<string>();
        var replacedWhileOpen = false;
        _slack.SocketScripts.Enqueue(async socket =>
        {
            await SocketFrames.SendAsync(socket, Fixture.Text("socket-mode/hello.python-sdk.json"));
            await SocketFrames.SendAsync(socket, TriageEnvelope("env-1", FakeSteps.Ref));
            acks.Enqueue(await SocketFrames.ReceiveAsync(socket) ?? "closed");
            await SocketFrames.SendAsync(socket,
                Fixture.Element("socket-mode/disconnect.samples.slack-docs.json")[1].GetRawText());

            // The replacement connects while this socket is still open, and this one is still read.
            replacedWhileOpen = await Eventually.TrueAsync(() => _slack.SocketConnections >= 2);
            await SocketFrames.SendAsync(socket, TriageEnvelope("env-late", "help"));
            acks.Enqueue(await SocketFrames.ReceiveAsync(socket) ?? "closed");
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        });
        _slack.SocketScripts.Enqueue(async socket =>
        {
            await SocketFrames.SendAsync(socket, Fixture.Text("socket-mode/hello.python-sdk.json"));
            await SocketFrames.SendAsync(socket, TriageEnvelope("env-1", FakeSteps.Ref));
            acks.Enqueue(await SocketFrames.ReceiveAsync(socket) ?? "closed");
            socket.Abort();
        });
        _slack.SocketScripts.Enqueue(async socket =>
        {
            await SocketFrames.SendAsync(socket, Fixture.Text("socket-mode/hello.python-sdk.json"));
            await SocketFrames.SendAsync(socket,
                Fixture.Element("socket-mode/disconnect.samples.slack-docs.json")[0].GetRawText());
            await SocketFrames.ReceiveAsync(socket);
        });

        await using var host = await StartHostAsync(socketMode: true);
        var third = await Eventually.TrueAsync(() =>
        {
            // The reconnect after a drop waits a backoff on the host's (fake) clock.
            host.Time.Advance(TimeSpan.FromSeconds(1));
            return _slack.SocketConnections >= 3 && _slack.SocketScripts.IsEmpty;
        });

        Assert.True(third);
        var opens = _slack.CallsTo("apps.connections.open");
        Assert.Equal(3, opens.Count);
        Assert.All(opens, o => Assert.Equal("Bearer xapp-test-app-token", o.Authorization));
        Assert.True(replacedWhileOpen);
        Assert.Equal(["env-1", "env-1", "env-late"],
            acks.Select(a => JsonNode.Parse(a)!["envelope_id"]!.GetValue<string>()).Order());
        var request = Assert.Single(_launcher.Requests);
        Assert.Equal(FakeSteps.Ref, request.Input);
        await Task.Delay(300);
        Assert.Equal(3, _slack.SocketConnections);
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("missing_scope")]
    [InlineData("token_revoked")]
    public async Task Service_AppTokenRefused_StopsInsteadOfRetryingForever(string error)
    {
        _slack.Script("apps.connections.open", 200, $$"""{"ok":false,"error":"{{error}}"}""");
        await using var host = await StartHostAsync(socketMode: false);
        using var service = new SocketModeService(host.Services.GetRequiredService<SlackApiClient>(),
            host.Services.GetRequiredService<SlackDispatcher>(),
            host.Services.GetRequiredService<DeliveryDeduplicator>(),
            host.Time,
            NullLogger<SocketModeService>.Instance);

        await service.StartAsync(default);
        // Were the refusal retried, the service would wait on the fake clock and this would time out.
        var failure = await Assert.ThrowsAsync<SlackApiException>(
            () => service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(SlackErrorKind.Auth, failure.Kind);
        Assert.Single(_slack.CallsTo("apps.connections.open"));
    }

    /// <summary>Slack's <c>refresh_requested</c> goodbye, then the close: ends a scripted connection.</summary>
    private static async Task SayGoodbyeAsync(WebSocket socket)
    {
        await SocketFrames.SendAsync(socket,
            Fixture.Element("socket-mode/disconnect.samples.slack-docs.json")[2].GetRawText());
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
    }

    private Task<SlackTestHost> StartHostAsync(bool socketMode) =>
        SlackTestHost.StartAsync(_slack,
            s =>
            {
                s.AddSingleton<ITriageLauncher>(_launcher);
                s.AddSingleton<ISlackEventHandler>(_mentions);
            },
            new Dictionary<string, string?> { ["Slack:UseSocketMode"] = socketMode ? "true" : "false" });

    /// <summary>A session on the stand-in's socket, run by the test instead of the service.</summary>
    private async Task<SocketModeSession> ConnectSessionAsync(ClientWebSocket client, SlackTestHost host)
    {
        await client.ConnectAsync(new Uri(_slack.BaseUrl.ToString().Replace("http", "ws",
            StringComparison.Ordinal) + "socket"), default);
        return new SocketModeSession(client, host.Services.GetRequiredService<SlackDispatcher>(),
            host.Services.GetRequiredService<DeliveryDeduplicator>(), NullLogger.Instance);
    }

    private static string TriageEnvelope(string envelopeId, string text) =>
        CommandEnvelope(envelopeId, "/triage", text);

    private static string CommandEnvelope(string envelopeId, string command, string text) =>
        new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["command"] = command, ["text"] = text, ["user_id"] = "U0ASKER", ["channel_id"] = "C0ASKED",
                ["team_id"] = "T1", ["response_url"] = "https://hooks.slack.com/commands/T1/1/x",
            },
        }.ToJsonString();
}

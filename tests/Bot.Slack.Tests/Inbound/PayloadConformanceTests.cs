using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Slack.Blocks;
using Bot.Slack.Events;
using Bot.Slack.Inbound;
using Bot.Slack.Interactivity;
using Bot.Slack.SlashCommands;
using Bot.Slack.SocketMode;
using Bot.Slack.Tests.Support;

namespace Bot.Slack.Tests.Inbound;

/// <summary>Every recorded or documented payload in tests/fixtures/slack reads into our types.</summary>
public sealed class PayloadConformanceTests
{
    [Fact]
    public void FromForm_SigningVectorBody_ReadsTheSlashCommand()
    {
        var body = Fixture.Json("signing/signature-vector.slack-docs.json")["body"]!.GetValue<string>();

        var command = SlashCommand.FromForm(SlackRequestBody.ParseForm(Encoding.UTF8.GetBytes(body)));

        Assert.NotNull(command);
        Assert.Equal("/webhook-collect", command.Command);
        Assert.Equal("", command.Text);
        Assert.Equal("U2CERLKJA", command.UserId);
        Assert.Equal("G8PSS9T3V", command.ChannelId);
        Assert.Equal("T1DC2JH3J", command.TeamId);
        Assert.Equal("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN",
            command.ResponseUrl);
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", command.TriggerId);
    }

    [Fact]
    public void Deserialize_JavaSdkSkeleton_ReadsEveryField()
    {
        var skeleton = Fixture.Json("slash-commands/slash-command.fields.java-sdk-skeleton.json").AsObject();

        var command = SlackJson.Deserialize<SlashCommand>(skeleton.ToJsonString());
        var written = JsonNode.Parse(SlackJson.Serialize(command))!.AsObject();

        Assert.NotNull(command);
        var ignored = new[] { "token", "enterprise_name" };
        foreach (var (field, _) in skeleton.Where(f => !ignored.Contains(f.Key)))
            Assert.True(written.ContainsKey(field) || skeleton[field]!.ToString() == "",
                $"field {field} is not modelled");
        Assert.False(command.IsEnterpriseInstall);
    }

    [Fact]
    public void ParseForm_BoltPythonBlockActionsForm_RoundTripsToItsJson()
    {
        var form = SlackRequestBody.ParseForm(
            Encoding.UTF8.GetBytes(Fixture.Text("interactivity/block_actions.message-button.bolt-python.form.txt")));

        var decoded = JsonNode.Parse(form["payload"]);

        var fixture = Fixture.Json("interactivity/block_actions.message-button.bolt-python.json");
        Assert.True(JsonNode.DeepEquals(fixture, decoded));
    }

    [Fact]
    public void Deserialize_BoltPythonBlockActions_IsTypedBlockActions()
    {
        var payload = SlackJson.Deserialize<InteractionPayload>(
            Fixture.Text("interactivity/block_actions.message-button.bolt-python.json"));

        var actions = Assert.IsType<BlockActionsPayload>(payload);
        Assert.Equal("W111", actions.User.Id);
        Assert.Equal("T111", actions.Team!.Id);
        Assert.Equal("E111", actions.Team.EnterpriseId);
        Assert.Equal("message", actions.Container!.Type);
        Assert.True(actions.Container.IsEphemeral);
        Assert.Equal("111.222", actions.Container.MessageTs);
        Assert.Equal("C111", actions.Channel!.Id);
        Assert.Equal("https://hooks.slack.com/actions/T111/111/random-value", actions.ResponseUrl);
        Assert.Equal("111.222.valid", actions.TriggerId);
        Assert.Null(actions.Message);
        var action = Assert.Single(actions.Actions);
        Assert.Equal(("a", "b", "click_me_123", "button", "1596530385.194939"),
            (action.ActionId, action.BlockId, action.Value, action.Type, action.ActionTs));
        Assert.Equal("Button", action.Text!.Text);
    }

    [Fact]
    public void Deserialize_SlackDocsMessageAttachmentExample_ReadsMessageAndContainer()
    {
        var payload = SlackJson.Deserialize<InteractionPayload>(
            Fixture.Text("interactivity/block_actions.message_attachment.slack-docs-example.json"));

        var actions = Assert.IsType<BlockActionsPayload>(payload);
        Assert.Equal("UA8RXUSPL", actions.User.Id);
        Assert.Equal("message_attachment", actions.Container!.Type);
        Assert.Equal(1, actions.Container.AttachmentId);
        Assert.False(actions.Container.IsEphemeral);
        Assert.Equal("1548261231.000200", actions.Message!.Ts);
        Assert.Equal("BAH5CA16Z", actions.Message.BotId);
        Assert.Equal("WaXA", actions.Actions[0].ActionId);
        Assert.Equal("=qXel", actions.Actions[0].BlockId);
    }

    [Fact]
    public void Deserialize_UnknownInteractionType_IsTheBaseType()
    {
        var payload = SlackJson.Deserialize<InteractionPayload>("""{"type":"view_closed","user":{"id":"U1"}}""");

        Assert.IsNotType<BlockActionsPayload>(payload);
        Assert.Equal("U1", payload!.User.Id);
    }

    [Fact]
    public void ConfirmDialog_JavaSdkFixture_RoundTrips()
    {
        var fixture = Fixture.Json("blocks/confirm-dialog.java-sdk.json");

        var dialog = SlackJson.Deserialize<ConfirmDialog>(fixture.ToJsonString());
        var written = JsonNode.Parse(SlackJson.Serialize(dialog));

        Assert.Equal("mrkdwn", dialog!.Text.Type);
        Assert.Equal("primary", dialog.Style);
        Assert.True(JsonNode.DeepEquals(fixture, written));
    }

    [Fact]
    public void Deserialize_UrlVerification_IsTypedWithChallenge()
    {
        var request = SlackJson.Deserialize<EventsApiRequest>(Fixture.Text("events/url_verification.json"));

        var check = Assert.IsType<UrlVerification>(request);
        Assert.Equal("8af7D7osKYMe2QTKsQwCKTtPEO4whujGczyNHdWsUYSMDfyPutMp", check.Challenge);
    }

    [Fact]
    public void Deserialize_ReactionAddedCallback_IsTypedWithEventId()
    {
        var request = SlackJson.Deserialize<EventsApiRequest>(
            Fixture.Text("events/event_callback.reaction_added.json"));

        var callback = Assert.IsType<EventCallback>(request);
        Assert.Equal("EvXXXXXXXX", callback.EventId);
        Assert.Equal("TXXXXXXXX", callback.TeamId);
        Assert.Equal(1234567890, callback.EventTime);
        Assert.Equal("reaction_added", callback.Event.Type);
        Assert.Equal("U024BE7LH", callback.Event.User);
        Assert.Equal("thumbsup", callback.Event.Extra["reaction"].GetString());
    }

    [Fact]
    public void Deserialize_Hello_IsTypedWithConnectionCount()
    {
        var frame = SlackJson.Deserialize<SocketFrame>(Fixture.Text("socket-mode/hello.python-sdk.json"));

        var hello = Assert.IsType<HelloFrame>(frame);
        Assert.Equal(2, hello.NumConnections);
        Assert.Equal(18060, hello.DebugInfo!.ApproximateConnectionTime);
        Assert.Equal("A111", hello.ConnectionInfo!.AppId);
    }

    [Fact]
    public void Deserialize_DocumentedDisconnects_MapToTheirReasons()
    {
        var frames = Fixture.Element("socket-mode/disconnect.samples.slack-docs.json").EnumerateArray()
            .Select(f => Assert.IsType<DisconnectFrame>(SlackJson.Deserialize<SocketFrame>(f.GetRawText())))
            .Select(f => f.Kind)
            .ToList();

        Assert.Equal([DisconnectReason.LinkDisabled, DisconnectReason.Warning,
            DisconnectReason.RefreshRequested], frames);
    }

    [Fact]
    public void Deserialize_UnknownDisconnectReason_IsUnknown()
    {
        var frame = SlackJson.Deserialize<SocketFrame>("""{"type":"disconnect","reason":"too_many_websockets"}""");

        Assert.Equal(DisconnectReason.Unknown, Assert.IsType<DisconnectFrame>(frame).Kind);
    }

    [Fact]
    public void Deserialize_SlashCommandsEnvelope_CarriesTheCommand()
    {
        var frame = SlackJson.Deserialize<SocketFrame>(
            Fixture.Text("socket-mode/slash_commands.envelope.python-sdk.json"));

        var envelope = Assert.IsType<SlashCommandsEnvelope>(frame);
        Assert.Equal("1d3c79ab-0ffb-41f3-a080-d19e85f53649", envelope.EnvelopeId);
        Assert.True(envelope.AcceptsResponsePayload);
        Assert.Equal("/hello-socket-mode", envelope.Payload.Command);
        Assert.Equal("U111", envelope.Payload.UserId);
        Assert.Equal("https://hooks.slack.com/commands/T111/111/xxx", envelope.Payload.ResponseUrl);
    }

    [Theory]
    [InlineData("socket-mode/events_api.app_mention.first.python-sdk.json", 0, "")]
    [InlineData("socket-mode/events_api.app_mention.retry.node-sdk.json", 2, "timeout")]
    public void Deserialize_AppMentionEnvelopes_ShareEnvelopeAndEventIds(string path, int attempt, string reason)
    {
        var frame = SlackJson.Deserialize<SocketFrame>(Fixture.Text(path));

        var envelope = Assert.IsType<EventsApiEnvelope>(frame);
        Assert.Equal("cda4159a-72a5-4744-aba3-4d66eb52682b", envelope.EnvelopeId);
        Assert.Equal("Ev111", envelope.Payload.EventId);
        Assert.Equal("app_mention", envelope.Payload.Event.Type);
        Assert.Equal("C111", envelope.Payload.Event.Channel);
        Assert.Equal(attempt, envelope.RetryAttempt);
        Assert.Equal(reason, envelope.RetryReason);
    }

    [Fact]
    public void Deserialize_InteractiveEnvelope_CarriesPlainJsonBlockActions()
    {
        var frame = SlackJson.Deserialize<SocketFrame>(
            Fixture.Text("socket-mode/interactive.block_actions.envelope.derived.json"));

        var envelope = Assert.IsType<InteractiveEnvelope>(frame);
        Assert.Equal("dbdd0ef3-1543-4f94-bfb4-133d0e6c1545", envelope.EnvelopeId);
        var actions = Assert.IsType<BlockActionsPayload>(envelope.Payload);
        Assert.Equal("a", actions.Actions[0].ActionId);
        Assert.True(JsonNode.DeepEquals(
            Fixture.Json("interactivity/block_actions.message-button.bolt-python.json"),
            Fixture.Json("socket-mode/interactive.block_actions.envelope.derived.json")["payload"]));
    }

    [Fact]
    public void SocketAck_WithPayload_HasTheDocumentedShape()
    {
        var fixture = Fixture.Json("socket-mode/ack.with-payload.json");
        var payload = JsonSerializer.Deserialize<JsonElement>(fixture["payload"]!.ToJsonString());

        var written = JsonNode.Parse(
            SlackJson.Serialize(new SocketAck(fixture["envelope_id"]!.GetValue<string>(), payload)));
        var plain = JsonNode.Parse(SlackJson.Serialize(new SocketAck("abc")));

        Assert.True(JsonNode.DeepEquals(fixture, written));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"envelope_id":"abc"}"""), plain));
    }

    [Fact]
    public void Fixtures_EveryFileIsCoveredByAConformanceTest()
    {
        var covered = new[]
        {
            "blocks/confirm-dialog.java-sdk.json",
            "events/event_callback.reaction_added.json",
            "events/url_verification.json",
            "interactivity/block_actions.message-button.bolt-python.form.txt",
            "interactivity/block_actions.message-button.bolt-python.json",
            "interactivity/block_actions.message_attachment.slack-docs-example.json",
            "signing/signature-vector.slack-docs.json",
            "slash-commands/slash-command.fields.java-sdk-skeleton.json",
            "socket-mode/ack.with-payload.json",
            "socket-mode/disconnect.samples.slack-docs.json",
            "socket-mode/events_api.app_mention.first.python-sdk.json",
            "socket-mode/events_api.app_mention.retry.node-sdk.json",
            "socket-mode/hello.python-sdk.json",
            "socket-mode/interactive.block_actions.envelope.derived.json",
            "socket-mode/slash_commands.envelope.python-sdk.json",
        }.Concat(WebApi.SlackApiClientConformanceTests.CoveredFixtures);

        var all = Fixture.All().ToList();

        Assert.Empty(all.Except(covered));
    }
}

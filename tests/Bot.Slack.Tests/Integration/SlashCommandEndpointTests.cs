using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Core.Triage;
using Bot.Lab.Slack;
using Bot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests.Integration;

/// <summary>The real endpoints on Kestrel: what a signed command gets back, and what bad input gets.</summary>
public sealed class SlashCommandEndpointTests : IAsyncLifetime
{
    private readonly RecordingLauncher _launcher = new();
    private SlackStandIn _slack = null!;
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, s => s.AddSingleton<ITriageLauncher>(_launcher));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Triage_SignedWithLink_LaunchesAndRepliesPrivatelyWithTheChannel()
    {
        var response = await _host.PostSignedAsync("/slack/commands",
            SlackTestHost.CommandForm("<https://github.com/acme/app/actions/runs/123|run 123>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("inv-test", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("<#C0TRIAGE>", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var request = Assert.Single(_launcher.Requests);
        Assert.Equal(new TriageRequest("https://github.com/acme/app/actions/runs/123", "U0ASKER", "slack"), request);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task Triage_ImageReferenceSlackAutoLinked_LaunchesWithWhatWasTyped()
    {
        await _host.PostSignedAsync("/slack/commands",
            SlackTestHost.CommandForm("<http://registry.internal:5000/app:cache|registry.internal:5000/app:cache>"));

        Assert.Equal("registry.internal:5000/app:cache", Assert.Single(_launcher.Requests).Input);
    }

    [Fact]
    public async Task Triage_Refused_RendersTheRejectionPrompt()
    {
        _launcher.Answer = LaunchResult.Refused("busy");

        var response = await _host.PostSignedAsync("/slack/commands",
            SlackTestHost.CommandForm("registry.internal:5000/a:b"));

        var text = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.GetValue<string>();
        Assert.Equal(TestPrompts.Catalog.Render("rejections/busy"), text);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    public async Task Triage_Help_ExplainsWithoutLaunching(string text)
    {
        var response = await _host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(text));

        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("/triage", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Empty(_launcher.Requests);
    }

    [Fact]
    public async Task Triage_TwoTargets_AsksForOneWithoutLaunching()
    {
        var response = await _host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm("a:b c:d"));

        var text = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.GetValue<string>();
        Assert.Contains("2 words", text, StringComparison.Ordinal);
        Assert.Empty(_launcher.Requests);
    }

    [Fact]
    public async Task UnknownCommand_IsAnsweredNotFailed()
    {
        var response = await _host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm("x",
            command: "/other"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/other", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_launcher.Requests);
    }

    [Fact]
    public async Task SslCheck_Signed_Is200WithNoSideEffects()
    {
        var response = await _host.PostSignedAsync("/slack/commands", "ssl_check=1&token=x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(_launcher.Requests);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task Unsigned_Is401EmptyAndLaunchesNothing()
    {
        var response = await _host.Client.PostAsync("/slack/commands",
            new StringContent(SlackTestHost.CommandForm("registry.internal:5000/a:b"), Encoding.UTF8,
                "application/x-www-form-urlencoded"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Forged_WrongSecret_Is401()
    {
        var response = await _host.PostSignedAsync("/slack/commands",
            SlackTestHost.CommandForm("registry.internal:5000/a:b"), secret: "not-the-secret");

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Forged_BodyChangedAfterSigning_Is401()
    {
        var body = SlackTestHost.CommandForm("registry.internal:5000/a:b");
        var ts = _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Bot.Slack.Signing.SlackSignatureVerifier.Sign(SlackTestHost.Secret, ts,
            Encoding.UTF8.GetBytes(body));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent(body.Replace("U0ASKER", "U0MALLORY", StringComparison.Ordinal), Encoding.UTF8,
                "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);

        var response = await _host.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task StaleOrFutureTimestamp_Is401(int offsetSeconds)
    {
        var ts = _host.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds;

        var response = await _host.PostSignedAsync("/slack/commands",
            SlackTestHost.CommandForm("registry.internal:5000/a:b"), ts);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(301)]
    public async Task Replayed_SameSignedCommandInsideOrAfterTheWindow_Is401(int laterSeconds)
    {
        var body = SlackTestHost.CommandForm("registry.internal:5000/a:b");
        var ts = _host.Time.GetUtcNow().ToUnixTimeSeconds();
        var first = await _host.PostSignedAsync("/slack/commands", body, ts);
        _launcher.Requests.Clear();

        _host.Time.Advance(TimeSpan.FromSeconds(laterSeconds));
        var replay = await _host.PostSignedAsync("/slack/commands", body, ts);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertRefusedAsync(replay, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Replayed_SameSignedClick_Is401()
    {
        var body = Fixture.Text("interactivity/block_actions.message-button.bolt-python.form.txt");
        var ts = _host.Time.GetUtcNow().ToUnixTimeSeconds();
        var first = await _host.PostSignedAsync("/slack/interactivity", body, ts);
        await Task.Delay(100);
        var callsAfterFirst = _slack.Calls.Count;

        var replay = await _host.PostSignedAsync("/slack/interactivity", body, ts);
        await Task.Delay(100);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("", await replay.Content.ReadAsStringAsync());
        Assert.Equal(callsAfterFirst, _slack.Calls.Count);
    }

    [Fact]
    public async Task SameCommandSignedAgainLater_IsNotAReplay()
    {
        var body = SlackTestHost.CommandForm("registry.internal:5000/a:b");
        var first = await _host.PostSignedAsync("/slack/commands", body);

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await _host.PostSignedAsync("/slack/commands", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _launcher.Requests.Count);
    }

    [Fact]
    public async Task Oversized_OverOneMebibyte_Is413()
    {
        var body = SlackTestHost.CommandForm("registry.internal:5000/a:b") + "&pad=" + new string('x', 1024 * 1024);

        var response = await _host.PostSignedAsync("/slack/commands", body);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Oversized_ChunkedWithoutLength_Is413()
    {
        var stream = new MemoryStream(new byte[(1024 * 1024) + 10]);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/slack/commands") { Content = new StreamContent(stream) };
        request.Headers.TransferEncodingChunked = true;

        var response = await _host.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("this is not a form of a command")]
    [InlineData("command=%2Ftriage&text=x")]
    [InlineData("")]
    public async Task Malformed_SignedButNotACommand_Is400(string body)
    {
        var response = await _host.PostSignedAsync("/slack/commands", body);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Events_UrlVerificationSigned_EchoesTheChallenge()
    {
        var response = await _host.PostSignedAsync("/slack/events", Fixture.Text("events/url_verification.json"),
            contentType: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8af7D7osKYMe2QTKsQwCKTtPEO4whujGczyNHdWsUYSMDfyPutMp",
            await response.Content.ReadAsStringAsync());
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await Task.Delay(100);
        Assert.Empty(_launcher.Requests);
        Assert.Empty(_slack.Calls);
    }
}

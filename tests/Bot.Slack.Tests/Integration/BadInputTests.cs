using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Core.Investigations;
using Bot.Core.Triage;
using Bot.Lab.Slack;
using Bot.Slack.Approvals;
using Bot.Slack.Events;
using Bot.Slack.Signing;
using Bot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests.Integration;

/// <summary>
/// Bad input on <c>/slack/interactivity</c> and <c>/slack/events</c>: unsigned, forged, stale,
/// from the future, oversized or malformed. Each gets its status and an empty body, and changes
/// nothing: no launch, no Slack call, no event handled, no fix request, the investigation as it was.
/// The click and the event used are real ones: signed properly, they do act (the first tests).
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const string InvestigationId = "inv-bad-input";
    private readonly RecordingLauncher _launcher = new();
    private readonly CountingEventHandler _reactions = new("reaction_added");
    private readonly InMemoryInvestigationStore _store = new();
    private readonly InvestigationSnapshot _investigation = TestInvestigations.Concluded(InvestigationId).ToSnapshot();
    private SlackStandIn _slack = null!;
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _store.SaveAsync(_investigation, default);
        _slack = await SlackStandIn.StartAsync();
        _host = await SlackTestHost.StartAsync(_slack, s =>
        {
            s.AddSingleton<ITriageLauncher>(_launcher);
            s.AddSingleton<ISlackEventHandler>(_reactions);
        }, store: _store);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Click_SignedProperly_RecordsTheFixRequest()
    {
        var response = await _host.PostSignedAsync("/slack/interactivity", Click());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => FixRequests().Count == 1));
    }

    [Fact]
    public async Task Event_SignedProperly_IsHandled()
    {
        var response = await _host.PostSignedAsync("/slack/events", Event(), contentType: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => _reactions.Handled == 1));
    }

    [Theory]
    [InlineData("/slack/interactivity")]
    [InlineData("/slack/events")]
    public async Task Unsigned_Is401(string path)
    {
        var response = await _host.Client.PostAsync(path, new StringContent(Body(path), Encoding.UTF8, Type(path)));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/slack/interactivity")]
    [InlineData("/slack/events")]
    public async Task Forged_WrongSecret_Is401(string path)
    {
        var response = await _host.PostSignedAsync(path, Body(path), secret: "not-the-secret", contentType: Type(path));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/slack/interactivity")]
    [InlineData("/slack/events")]
    public async Task Forged_BodyChangedAfterSigning_Is401(string path)
    {
        var body = Body(path);
        var ts = _host.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignatureVerifier.Sign(SlackTestHost.Secret, ts, Encoding.UTF8.GetBytes(body));
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            // A click's user, or an event's reaction, swapped after Slack signed it.
            Content = new StringContent(body.Replace("U0APPROVER", "U0MALLORY", StringComparison.Ordinal)
                .Replace("thumbsup", "thumbsdown", StringComparison.Ordinal), Encoding.UTF8, Type(path)),
        };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, signature);

        var response = await _host.Client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret")]
    public async Task UrlVerification_UnsignedOrForged_Is401WithoutTheChallenge(string? secret)
    {
        var body = Fixture.Text("events/url_verification.json");

        var response = secret is null
            ? await _host.Client.PostAsync("/slack/events", new StringContent(body, Encoding.UTF8, "application/json"))
            : await _host.PostSignedAsync("/slack/events", body, secret: secret, contentType: "application/json");

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/slack/interactivity", -301)]
    [InlineData("/slack/interactivity", 301)]
    [InlineData("/slack/events", -301)]
    [InlineData("/slack/events", 301)]
    public async Task StaleOrFutureTimestamp_Is401(string path, int offsetSeconds)
    {
        var ts = _host.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds;

        var response = await _host.PostSignedAsync(path, Body(path), ts, contentType: Type(path));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/slack/interactivity", "&pad=")]
    [InlineData("/slack/events", "")]
    public async Task Oversized_OverOneMebibyte_Is413(string path, string separator)
    {
        // Still well formed and signed: only its size is wrong.
        var body = path.EndsWith("events", StringComparison.Ordinal)
            ? Event(padding: new string(' ', 1024 * 1024))
            : Click() + separator + new string('x', 1024 * 1024);

        var response = await _host.PostSignedAsync(path, body, contentType: Type(path));

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("payload=not-json")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D")]
    [InlineData("payload=%5B1%2C2%5D")]
    [InlineData("nopayload=1")]
    [InlineData("")]
    public async Task Malformed_SignedInteractivity_Is400(string body)
    {
        var response = await _host.PostSignedAsync("/slack/interactivity", body);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"mystery"}""")]
    [InlineData("""{"type":"event_callback","event":{"type":"reaction_added"}}""")]
    [InlineData("")]
    public async Task Malformed_SignedEvents_Is400(string body)
    {
        var response = await _host.PostSignedAsync("/slack/events", body, contentType: "application/json");

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());

        // Anything let through is handled in the background: give it the time to show.
        await Task.Delay(200);
        Assert.Empty(_launcher.Requests);
        Assert.Empty(_slack.Calls);
        Assert.Equal(0, _reactions.Handled);
        Assert.Empty(FixRequests());
        Assert.Same(_investigation, await _store.FindAsync(InvestigationId, default));
        Assert.Equal(1, _store.Saves);
    }

    private IReadOnlyList<FixRequest> FixRequests() =>
        _host.Services.GetRequiredService<FixRequestStore>().ListAsync(InvestigationId, default).Result;

    private static string Body(string path) => path.EndsWith("events", StringComparison.Ordinal) ? Event() : Click();

    private static string Type(string path) =>
        path.EndsWith("events", StringComparison.Ordinal) ? "application/json" : "application/x-www-form-urlencoded";

    /// <summary>The approver clicking the delete button: signed properly, it records a request.</summary>
    private static string Click()
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = SlackTestHost.Approver, ["username"] = "oncall", ["team_id"] = "T1" },
            ["api_app_id"] = "A1",
            ["container"] = new JsonObject
            {
                ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = SlackTestHost.Channel,
            },
            ["channel"] = new JsonObject { ["id"] = SlackTestHost.Channel },
            ["trigger_id"] = "1.2.3",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = "fix:delete-cache-manifest", ["block_id"] = "fixes-r6",
                ["value"] = InvestigationId + "|delete-cache-manifest", ["action_ts"] = "1700000001.000001",
            }),
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    /// <summary>The recorded reaction event, its JSON optionally padded with whitespace.</summary>
    private static string Event(string padding = "") =>
        Fixture.Text("events/event_callback.reaction_added.json").TrimEnd() + padding;
}

using System.Net;
using System.Text.Json.Nodes;
using Bot.Slack.Tests.Support;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests.WebApi;

/// <summary>The Web API client against every recorded or documented answer in tests/fixtures/slack/web-api.</summary>
public sealed class SlackApiClientConformanceTests
{
    public static IEnumerable<string> CoveredFixtures { get; } =
    [
        "web-api/apps.connections.open.ok.json",
        "web-api/chat.postEphemeral.error.user_not_in_channel.json",
        "web-api/chat.postEphemeral.ok.json",
        "web-api/chat.postMessage.ok.json",
        "web-api/chat.update.error.cant_update_message.json",
        "web-api/chat.update.ok.json",
        "web-api/conversations.members.ok.paginated.json",
        "web-api/conversations.open.ok.json",
        "web-api/error.invalid_arguments.views.open.recorded.json",
        "web-api/error.not_authed.auth.test.recorded.json",
        "web-api/http429.ratelimited.composed.json",
        "web-api/http429.recorded-2015.json",
        "web-api/usergroups.users.list.error.invalid_auth.json",
        "web-api/usergroups.users.list.ok.json",
        "web-api/users.info.error.user_not_found.json",
        "web-api/users.info.ok.json",
    ];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task PostMessage_OkFixture_ReturnsChannelAndStringTs()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/chat.postMessage.ok.json"));

        var posted = await CreateSut(http).PostMessageAsync("C1H9RESGL", new SlackMessage("hi"), null, default);

        Assert.Equal(new PostedMessage("C1H9RESGL", "1503435956.000247"), posted);
    }

    [Fact]
    public async Task PostMessage_Request_SendsJsonWithBearerBotTokenOnly()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/chat.postMessage.ok.json"));

        await CreateSut(http).PostMessageAsync("C1", new SlackMessage("hello"), "1.2", default);

        var (request, body) = Assert.Single(http.Requests);
        Assert.Equal("https://slack.example.test/api/chat.postMessage", request.RequestUri!.ToString());
        Assert.Equal("Bearer xoxb-bot", request.Headers.Authorization!.ToString());
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", request.Content.Headers.ContentType.CharSet);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("C1", json["channel"]!.GetValue<string>());
        Assert.Equal("hello", json["text"]!.GetValue<string>());
        Assert.Equal("1.2", json["thread_ts"]!.GetValue<string>());
        Assert.DoesNotContain("xoxb", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateMessage_OkFixture_Succeeds()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/chat.update.ok.json"));

        await CreateSut(http).UpdateMessageAsync("C024BE91L", "1401383885.000061", new SlackMessage("x"), default);

        var json = JsonNode.Parse(Assert.Single(http.Requests).Body)!;
        Assert.Equal("1401383885.000061", json["ts"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("web-api/chat.update.error.cant_update_message.json", "cant_update_message")]
    public async Task UpdateMessage_ErrorFixture_ThrowsWithSlacksCode(string path, string code)
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text(path));

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => CreateSut(http).UpdateMessageAsync("C1", "1.1", new SlackMessage("x"), default));

        Assert.Equal(code, error.Error);
        Assert.Equal("chat.update", error.Method);
    }

    [Theory]
    [InlineData("web-api/chat.update.error.cant_update_message.json", SlackErrorKind.ChannelOrMessageGone)]
    [InlineData("web-api/chat.postEphemeral.error.user_not_in_channel.json", SlackErrorKind.Other)]
    [InlineData("web-api/usergroups.users.list.error.invalid_auth.json", SlackErrorKind.Auth)]
    [InlineData("web-api/users.info.error.user_not_found.json", SlackErrorKind.Other)]
    [InlineData("web-api/error.invalid_arguments.views.open.recorded.json", SlackErrorKind.Payload)]
    [InlineData("web-api/error.not_authed.auth.test.recorded.json", SlackErrorKind.Auth)]
    public async Task Call_ErrorFixture_CarriesItsKind(string path, SlackErrorKind kind)
    {
        // Recorded answers wrap Slack's body with the exchange around it; composed ones are the body.
        var fixture = Fixture.Json(path);
        var http = new StubHttp().Answer(HttpStatusCode.OK, (fixture["body"] ?? fixture).ToJsonString());

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => CreateSut(http).CallAsync("chat.update", new { channel = "C1" }, default));

        Assert.Equal(kind, error.Kind);
    }

    [Theory]
    [InlineData("invalid_auth", SlackErrorKind.Auth)]
    [InlineData("not_authed", SlackErrorKind.Auth)]
    [InlineData("token_revoked", SlackErrorKind.Auth)]
    [InlineData("token_expired", SlackErrorKind.Auth)]
    [InlineData("account_inactive", SlackErrorKind.Auth)]
    [InlineData("missing_scope", SlackErrorKind.Auth)]
    [InlineData("not_allowed_token_type", SlackErrorKind.Auth)]
    [InlineData("channel_not_found", SlackErrorKind.ChannelOrMessageGone)]
    [InlineData("message_not_found", SlackErrorKind.ChannelOrMessageGone)]
    [InlineData("is_archived", SlackErrorKind.ChannelOrMessageGone)]
    [InlineData("not_in_channel", SlackErrorKind.ChannelOrMessageGone)]
    [InlineData("invalid_blocks", SlackErrorKind.Payload)]
    [InlineData("msg_too_long", SlackErrorKind.Payload)]
    [InlineData("msg_blocks_too_long", SlackErrorKind.Payload)]
    [InlineData("no_text", SlackErrorKind.Payload)]
    [InlineData("invalid_json", SlackErrorKind.Payload)]
    [InlineData("ratelimited", SlackErrorKind.RateLimited)]
    [InlineData("rate_limited", SlackErrorKind.RateLimited)]
    [InlineData("service_unavailable", SlackErrorKind.Other)]
    [InlineData("fatal_error", SlackErrorKind.Other)]
    [InlineData("invalid_response", SlackErrorKind.Other)]
    [InlineData("http_503", SlackErrorKind.Other)]
    [InlineData("a_code_slack_adds_tomorrow", SlackErrorKind.Other)]
    public void Exception_SlacksDocumentedCodes_MapToTheirKind(string code, SlackErrorKind kind)
    {
        Assert.Equal(kind, new SlackApiException("chat.postMessage", code).Kind);
    }

    [Fact]
    public async Task PostEphemeral_OkFixture_ReturnsMessageTs()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/chat.postEphemeral.ok.json"));

        var ts = await CreateSut(http).PostEphemeralAsync("C1", "U1", new SlackMessage("x"), default);

        Assert.Equal("1502210682.580145", ts);
    }

    [Fact]
    public async Task PostEphemeral_UserNotInChannel_ThrowsWithCode()
    {
        var http = new StubHttp().Answer(
            HttpStatusCode.OK, Fixture.Text("web-api/chat.postEphemeral.error.user_not_in_channel.json"));

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => CreateSut(http).PostEphemeralAsync("C1", "U1", new SlackMessage("x"), default));

        Assert.Equal("user_not_in_channel", error.Error);
    }

    [Fact]
    public async Task ListUsergroupUsers_OkFixture_ReturnsUserIds()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/usergroups.users.list.ok.json"));

        var users = await CreateSut(http).ListUsergroupUsersAsync("S1", default);

        Assert.Equal(["U060R4BJ4", "W123A4BC5"], users);
        Assert.Equal("usergroup=S1", Assert.Single(http.Requests).Body);
    }

    [Fact]
    public async Task ListUsergroupUsers_InvalidAuth_ThrowsWithCode()
    {
        var http = new StubHttp().Answer(
            HttpStatusCode.OK, Fixture.Text("web-api/usergroups.users.list.error.invalid_auth.json"));

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => CreateSut(http).ListUsergroupUsersAsync("S1", default));

        Assert.Equal("invalid_auth", error.Error);
    }

    [Fact]
    public async Task GetUser_OkFixture_ReadsIdNameAndFlags()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/users.info.ok.json"));

        var user = await CreateSut(http).GetUserAsync("W012A3CDE", default);

        Assert.Equal(("W012A3CDE", "spengler", "Egon Spengler", "T012AB3C4"), (user.Id, user.Name,
            user.RealName, user.TeamId));
        Assert.True(user.IsAdmin);
        Assert.False(user.IsBot);
    }

    [Fact]
    public async Task GetUser_UserNotFound_ThrowsWithCode()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK,
            Fixture.Text("web-api/users.info.error.user_not_found.json"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => CreateSut(http).GetUserAsync("U0", default));

        Assert.Equal("user_not_found", error.Error);
    }

    [Fact]
    public async Task Call_ConversationsMembersPaginated_ExposesTheCursor()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK,
            Fixture.Text("web-api/conversations.members.ok.paginated.json"));

        var answer = await CreateSut(http).CallAsync("conversations.members", new { channel = "C1" }, default);

        Assert.Equal(3, answer.Fields["members"].GetArrayLength());
        Assert.Equal("e3VzZXJfaWQ6IFcxMjM0NTY3fQ==", answer.NextCursor);
    }

    [Fact]
    public async Task Call_ConversationsOpen_ReturnsTheDmChannel()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/conversations.open.ok.json"));

        var answer = await CreateSut(http).CallAsync("conversations.open", new { users = "U1" }, default);

        Assert.Equal("D069C7QFK", answer.Fields["channel"].GetProperty("id").GetString());
    }

    [Fact]
    public async Task OpenSocketMode_OkFixture_UsesTheAppTokenInTheHeaderOnly()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/apps.connections.open.ok.json"));

        var url = await CreateSut(http).OpenSocketModeConnectionAsync(default);

        Assert.Equal("wss://wss-somethiing.slack.com/link/?ticket=12348&app_id=5678", url.ToString());
        var (request, body) = Assert.Single(http.Requests);
        Assert.Equal("Bearer xapp-app", request.Headers.Authorization!.ToString());
        Assert.DoesNotContain("xapp", request.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("xapp", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_RecordedInvalidArguments_CarriesResponseMetadataMessages()
    {
        var recorded = Fixture.Json("web-api/error.invalid_arguments.views.open.recorded.json");
        var http = new StubHttp().Answer(HttpStatusCode.OK, recorded["body"]!.ToJsonString());

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => CreateSut(http).CallAsync("views.open", new { trigger_id = "1" }, default));

        Assert.Equal("invalid_arguments", error.Error);
        Assert.Equal(3, error.Messages.Count);
        Assert.Contains("[json-pointer:/view]", error.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_RecordedNotAuthed_ThrowsWithCode()
    {
        var recorded = Fixture.Json("web-api/error.not_authed.auth.test.recorded.json");
        var http = new StubHttp().Answer(HttpStatusCode.OK, recorded["body"]!.ToJsonString());

        var error = await Assert.ThrowsAsync<SlackApiException>(() => CreateSut(http).CallAsync("auth.test",
            new { }, default));

        Assert.Equal("not_authed", error.Error);
    }

    [Fact]
    public async Task Call_MissingScope_CarriesNeededAndProvided()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK,
            """{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"users:read"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => CreateSut(http).PostMessageAsync("C1", new SlackMessage("x"), null, default));

        Assert.Equal(("missing_scope", "chat:write", "users:read"), (error.Error, error.Needed, error.Provided));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "<html><body>Slack is unavailable</body></html>", "invalid_response")]
    [InlineData(HttpStatusCode.OK, "", "invalid_response")]
    [InlineData(HttpStatusCode.OK, "[1,2]", "invalid_response")]
    [InlineData(HttpStatusCode.OK, """{"channel":"C1"}""", "invalid_response")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "<html>down</html>", "http_503")]
    public async Task PostMessage_NotSlacksEnvelope_IsAFailureNotASuccess(HttpStatusCode status, string body,
        string code)
    {
        var http = new StubHttp().Answer(status, body, contentType: "text/html");

        var error = await Assert.ThrowsAsync<SlackApiException>(
            () => CreateSut(http).PostMessageAsync("C1", new SlackMessage("x"), null, default));

        Assert.Equal(code, error.Error);
        Assert.Single(http.Requests);
    }

    [Fact]
    public async Task Call_Composed429WithRetryAfter30_WaitsThirtySecondsThenSucceeds()
    {
        var composed = Fixture.Json("web-api/http429.ratelimited.composed.json")["response"]!;
        var http = new StubHttp()
            .Answer((HttpStatusCode)composed["status"]!.GetValue<int>(), composed["body"]!.ToJsonString(),
                composed["headers"]!["Retry-After"]!.GetValue<string>())
            .Answer(HttpStatusCode.OK, """{"ok":true,"channel":{"id":"C1"}}""");
        var call = CreateSut(http).CallAsync("conversations.info", new { channel = "C1" }, default);

        var stillWaiting = await StillWaitingAfterAsync(http, call, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(1));
        var answer = await call;

        Assert.True(stillWaiting);
        Assert.Equal(2, http.Requests.Count);
        Assert.Equal("C1", answer.Fields["channel"].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Call_Recorded2015_429WithoutRetryAfterOrBody_WaitsADefaultDelayThenRetries()
    {
        var recorded = Fixture.Json("web-api/http429.recorded-2015.json")["response"]!;
        var http = new StubHttp()
            .Answer((HttpStatusCode)recorded["status"]!.GetValue<int>(), recorded["body"]!.GetValue<string>(),
                contentType: "text/plain")
            .Answer(HttpStatusCode.OK, """{"ok":true}""");
        var call = CreateSut(http).CallAsync("auth.test", new { }, default);

        var waitedAtLeastASecond = await StillWaitingAfterAsync(
            http, call, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));

        Assert.True(waitedAtLeastASecond);
        Assert.Equal(2, http.Requests.Count);
    }

    [Fact]
    public async Task Call_429WithRetryAfterAsAnHttpDate_WaitsUntilThatDateOnTheInjectedClock()
    {
        var http = new StubHttp()
            .Answer((HttpStatusCode)429, """{"ok":false,"error":"ratelimited"}""",
                HttpDate(TimeSpan.FromSeconds(20)))
            .Answer(HttpStatusCode.OK, """{"ok":true}""");
        var call = CreateSut(http).CallAsync("chat.update", new { }, default);

        var stillWaiting = await StillWaitingAfterAsync(http, call, TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(1));

        Assert.True(stillWaiting);
        Assert.Equal(2, http.Requests.Count);
    }

    [Fact]
    public async Task Call_429WithRetryAfterDateAlreadyPast_RetriesAtOnce()
    {
        var http = new StubHttp()
            .Answer((HttpStatusCode)429, "", HttpDate(TimeSpan.FromSeconds(-30)))
            .Answer(HttpStatusCode.OK, """{"ok":true}""");

        await CreateSut(http).CallAsync("chat.update", new { }, default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, http.Requests.Count);
    }

    [Fact]
    public async Task Call_429WithRetryAfterDateBeyondTheBudget_ThrowsRateLimitedWithoutWaiting()
    {
        var http = new StubHttp().Answer((HttpStatusCode)429, "", HttpDate(TimeSpan.FromMinutes(10)));

        // Were the date ignored, the call would wait on the fake clock and time out here instead.
        var error = await Assert.ThrowsAsync<SlackRateLimitedException>(
            () => CreateSut(http).CallAsync("chat.update", new { }, default).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
        Assert.Single(http.Requests);
    }

    [Fact]
    public async Task Call_429BeyondTheBudget_ThrowsRateLimitedWithoutWaiting()
    {
        var http = new StubHttp().Answer((HttpStatusCode)429, """{"ok":false,"error":"ratelimited"}""", "120");

        var error = await Assert.ThrowsAsync<SlackRateLimitedException>(
            () => CreateSut(http).CallAsync("chat.update", new { }, default));

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal("ratelimited", error.Error);
        Assert.Equal(SlackErrorKind.RateLimited, error.Kind);
        Assert.Single(http.Requests);
    }

    [Fact]
    public async Task Call_429FourTimes_GivesUpAfterThreeRetries()
    {
        var http = new StubHttp();
        for (var i = 0; i < 5; i++)
            http.Answer((HttpStatusCode)429, "", "1");
        var call = CreateSut(http).CallAsync("chat.update", new { }, default);

        for (var i = 1; i <= 4 && !call.IsCompleted; i++)
        {
            await WaitForRequestsAsync(http, i);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await Assert.ThrowsAsync<SlackRateLimitedException>(() => call);
        Assert.Equal(1 + SlackApiClient.MaxRateLimitRetries, http.Requests.Count);
    }

    /// <summary>A Retry-After date (RFC 1123, whole seconds) this far from the fake clock's now.</summary>
    private string HttpDate(TimeSpan fromNow) =>
        (_time.GetUtcNow() + fromNow).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the call still waits after the first 429 and <paramref name="before"/> on the clock;
    /// then lets <paramref name="rest"/> pass and lets the call finish.
    /// </summary>
    private async Task<bool> StillWaitingAfterAsync(StubHttp http, Task call, TimeSpan before, TimeSpan rest)
    {
        await WaitForRequestsAsync(http, 1);
        _time.Advance(before);
        await Task.Delay(50);
        var waiting = !call.IsCompleted;
        _time.Advance(rest);
        await call;
        return waiting;
    }

    private static async Task WaitForRequestsAsync(StubHttp http, int count)
    {
        Assert.True(await Eventually.TrueAsync(() => { lock (http.Requests) return http.Requests.Count >= count; }));
        await Task.Delay(20);
    }

    private SlackApiClient CreateSut(StubHttp http)
    {
        var options = new Options<SlackOptions>(new SlackOptions
        {
            BotToken = "xoxb-bot",
            AppToken = "xapp-app",
            ApiBaseUrl = new Uri("https://slack.example.test/api/"),
            PostInterval = TimeSpan.Zero,
        });
        return new SlackApiClient(http, options, new ChannelPacer(options, _time), _time,
            NullLogger<SlackApiClient>.Instance);
    }
}

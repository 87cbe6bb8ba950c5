using System.Net;
using Bot.Slack.Approvals;
using Bot.Slack.Tests.Support;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests.Approvals;

public sealed class ApproverPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task IsApprover_ListedUser_NeedsNoSlackCall()
    {
        var http = new StubHttp();
        using var policy = CreateSut(http, group: "S1");

        var allowed = await policy.IsApproverAsync("U0LISTED", default);

        Assert.True(allowed);
        Assert.Empty(http.Requests);
    }

    [Fact]
    public async Task IsApprover_GroupMember_ReadsTheGroupOnceWithinTheCacheTime()
    {
        var http = new StubHttp().Answer(HttpStatusCode.OK, Fixture.Text("web-api/usergroups.users.list.ok.json"));
        using var policy = CreateSut(http, group: "S1");

        var member = await policy.IsApproverAsync("U060R4BJ4", default);
        var stranger = await policy.IsApproverAsync("U0STRANGER", default);

        Assert.True(member);
        Assert.False(stranger);
        Assert.Single(http.Requests);
    }

    [Fact]
    public async Task IsApprover_GroupUnreadableAfterAnEarlierRead_UsesTheLastMembers()
    {
        var http = new StubHttp()
            .Answer(HttpStatusCode.OK, Fixture.Text("web-api/usergroups.users.list.ok.json"))
            .Answer(HttpStatusCode.OK, Fixture.Text("web-api/usergroups.users.list.error.invalid_auth.json"));
        using var policy = CreateSut(http, group: "S1");
        await policy.IsApproverAsync("U060R4BJ4", default);

        _time.Advance(TimeSpan.FromMinutes(6));
        var allowed = await policy.IsApproverAsync("U060R4BJ4", default);

        Assert.True(allowed);
        Assert.Equal(2, http.Requests.Count);
    }

    [Fact]
    public async Task IsApprover_GroupNeverRead_Throws()
    {
        var http = new StubHttp()
            .Answer(HttpStatusCode.OK, Fixture.Text("web-api/usergroups.users.list.error.invalid_auth.json"));
        using var policy = CreateSut(http, group: "S1");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => policy.IsApproverAsync("U060R4BJ4", default));

        Assert.Equal("invalid_auth", error.Error);
    }

    [Fact]
    public async Task IsApprover_NoGroupAndNotListed_IsRefused()
    {
        using var policy = CreateSut(new StubHttp(), group: "");

        Assert.False(await policy.IsApproverAsync("U0STRANGER", default));
        Assert.False(await policy.IsApproverAsync("", default));
    }

    private ApproverPolicy CreateSut(StubHttp http, string group)
    {
        var settings = new SlackOptions
        {
            BotToken = "xoxb-bot", ApiBaseUrl = new Uri("https://slack.example.test/api/"), ApproverGroup = group,
        };
        settings.Approvers.Add("U0LISTED");
        var options = new Options<SlackOptions>(settings);
        var slack = new SlackApiClient(
            http, options, new ChannelPacer(options, _time), _time, NullLogger<SlackApiClient>.Instance);
        return new ApproverPolicy(slack, options, _time, NullLogger<ApproverPolicy>.Instance);
    }
}

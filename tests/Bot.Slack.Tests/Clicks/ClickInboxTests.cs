using System.Net;
using Bot.Lab.Slack;
using Bot.Slack.Approvals;
using Bot.Slack.Clicks;
using Bot.Slack.Interactivity;
using Bot.Slack.Storage;
using Bot.Slack.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests.Clicks;

/// <summary>
/// The durable click inbox: a click is stored before its ack, so one acknowledged by a process
/// that then stops is handled by the next, once; a redelivery is handled once; a full inbox
/// answers visibly; a click older than its response_url is not acted on, and its clicker is told.
/// </summary>
public sealed class ClickInboxTests : IAsyncLifetime
{
    private const string InvestigationId = "inv-clicked";
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"bot-slack-clicks-{Guid.NewGuid():N}.db");
    private readonly InMemoryInvestigationStore _store = new();
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync();
        await _store.SaveAsync(TestInvestigations.Concluded(InvestigationId).ToSnapshot(), default);
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task Click_AckedThenTheProcessStopsBeforeHandlingIt_IsHandledOnceAfterTheRestart()
    {
        var payload = ClickForms.Payload(InvestigationId, SlackTestHost.Approver);
        await using (var stopped = await StartAsync(SlackTestHost.WithoutClickWorker))
        {
            var ack = await stopped.PostSignedAsync("/slack/interactivity", ClickForms.Wrap(payload));

            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            Assert.Equal(1, await stopped.Services.GetRequiredService<ClickInbox>().CountPendingAsync(default));
        }

        Assert.Empty(_slack.CallsTo("chat.postEphemeral"));
        await using (var restarted = await StartAsync())
        {
            Assert.True(await Eventually.TrueAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 1));
            Assert.True(await Eventually.TrueAsync(() => PendingIn(restarted) == 0));
        }

        // A second restart finds nothing left to do: the click was marked done, not just handled.
        await using (var again = await StartAsync())
        {
            await Task.Delay(300);
            Assert.Equal(0, PendingIn(again));
            var request = Assert.Single(await RequestsIn(again));
            Assert.Equal(SlackTestHost.Approver, request.RequestedBy);
        }

        var answer = Assert.Single(_slack.CallsTo("chat.postEphemeral"));
        Assert.Contains("not built yet", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("already asked for", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_DeliveredAgainEvenAfterARestart_IsHandledOnce()
    {
        var payload = ClickForms.Payload(InvestigationId, SlackTestHost.Approver);
        await using (var first = await StartAsync())
        {
            await first.PostSignedAsync("/slack/interactivity", ClickForms.Wrap(payload));
            // Slack signs every delivery afresh: a redelivery is the same click under a new timestamp.
            var redelivery = await first.PostSignedAsync("/slack/interactivity", ClickForms.Wrap(payload),
                timestamp: first.Time.GetUtcNow().ToUnixTimeSeconds() + 1);

            Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
            Assert.True(await Eventually.TrueAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 1));
        }

        await using (var second = await StartAsync())
        {
            var late = await second.PostSignedAsync("/slack/interactivity", ClickForms.Wrap(payload),
                timestamp: second.Time.GetUtcNow().ToUnixTimeSeconds() + 2);

            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            await Task.Delay(300);
            Assert.Equal(0, PendingIn(second));
            Assert.Single(await RequestsIn(second));
        }

        var answer = Assert.Single(_slack.CallsTo("chat.postEphemeral"));
        Assert.DoesNotContain("already asked for", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_WhenTheInboxIsFull_IsAnsweredBusyAndNotStored()
    {
        await using var host = await StartAsync(SlackTestHost.WithoutClickWorker);
        await FillInboxAsync(host);
        var payload = ClickForms.Payload(InvestigationId, SlackTestHost.Approver);

        var ack = await host.PostSignedAsync("/slack/interactivity", ClickForms.Wrap(payload));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 1));
        var busy = _slack.CallsTo("chat.postEphemeral")[0];
        Assert.Equal(SlackTestHost.Approver, busy.Json!["user"]!.GetValue<string>());
        Assert.Contains("Try again in a minute", busy.Text, StringComparison.Ordinal);
        Assert.Equal(ClickInbox.Capacity, PendingIn(host));
        Assert.Empty(await RequestsIn(host));
    }

    [Fact]
    public async Task Click_OlderThanItsResponseUrl_IsNotActedOnAndTheClickerIsToldPrivatelyToClickAgain()
    {
        await using var host = await StartAsync(SlackTestHost.WithoutClickWorker);
        var key = await ClickAsync(host);

        var state = await RunWorkerPastTheResponseUrlAsync(host, key);

        Assert.Equal(ClickState.Expired, state);
        var told = Assert.Single(_slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(SlackTestHost.Approver, told.Json!["user"]!.GetValue<string>());
        Assert.Equal(SlackTestHost.Channel, told.Json!["channel"]!.GetValue<string>());
        Assert.Contains("waited 31 minutes", told.Text, StringComparison.Ordinal);
        Assert.Contains("nothing was recorded", told.Text, StringComparison.Ordinal);
        Assert.Contains("click it again", told.Text, StringComparison.Ordinal);
        Assert.Empty(BlockKitRules.Violations(told.Json!));
        Assert.Empty(_slack.CallsTo("chat.update"));
        Assert.Empty(await RequestsIn(host));
    }

    [Fact]
    public async Task Click_OlderThanItsResponseUrlWhoseButtonIsGone_IsNotActedOnAndNothingIsSaid()
    {
        await using var host = await StartAsync(SlackTestHost.WithoutClickWorker);
        var key = await ClickAsync(host);
        // Meanwhile someone else asked for the fix: the message shows who, the button is gone.
        await host.Services.GetRequiredService<FixRequestStore>()
            .RecordAsync(InvestigationId, "delete-cache-manifest", "U0SOMEONE", default);

        var state = await RunWorkerPastTheResponseUrlAsync(host, key);

        Assert.Equal(ClickState.Expired, state);
        Assert.Empty(_slack.CallsTo("chat.postEphemeral"));
        Assert.Equal("U0SOMEONE", Assert.Single(await RequestsIn(host)).RequestedBy);
    }

    [Fact]
    public async Task Click_OlderThanItsResponseUrlWhenSlackRefusesTheNote_IsStillFinishedAsExpired()
    {
        _slack.Refuse("chat.postEphemeral", _ => true, "user_not_in_channel");
        await using var host = await StartAsync(SlackTestHost.WithoutClickWorker);
        var key = await ClickAsync(host);

        var state = await RunWorkerPastTheResponseUrlAsync(host, key);

        Assert.Equal(ClickState.Expired, state);
        Assert.Single(_slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(0, PendingIn(host));
        Assert.Empty(await RequestsIn(host));
    }

    [Fact]
    public async Task Click_WhoseHandlingFails_IsTriedAgainWhenItsRetryIsDue()
    {
        var flaky = new FailsOnceAction("test:flaky");
        await using var host = await StartAsync(s => s.AddSingleton<IBlockActionHandler>(flaky));
        var inbox = host.Services.GetRequiredService<ClickInbox>();

        await host.PostSignedAsync("/slack/interactivity",
            ClickForms.Wrap(ClickForms.Payload(InvestigationId, SlackTestHost.Approver, "test:flaky")));
        Assert.True(await Eventually.TrueAsync(() => flaky.Calls == 1));
        await Task.Delay(200);
        var waited = flaky.Calls == 1 && PendingIn(host) == 1;
        var retried = await Eventually.TrueAsync(() =>
        {
            host.Time.Advance(TimeSpan.FromSeconds(5));
            return PendingIn(host) == 0;
        });

        Assert.True(waited);
        Assert.True(retried);
        Assert.Equal(2, flaky.Calls);
        Assert.Empty(await inbox.DueAsync(10, default));
    }

    [Fact]
    public async Task Inbox_FailedClick_WaitsLongerAfterEachFailureAndIsGivenUpAfterTheLast()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        using var database = new SlackDatabase(_dbPath);
        var inbox = new ClickInbox(database, time);
        var click = new Click("key-1", "fix:run-gc", "inv-1|run-gc", "U1", "T1", "C1", null, "1.1", time.GetUtcNow());
        Assert.Equal(ClickAdmission.Admitted, await inbox.AdmitAsync(click, default));

        var givenUp = new List<bool>();
        var dueAt = new List<int>();
        for (var attempt = 1; attempt <= ClickInbox.MaxAttempts; attempt++)
        {
            var seconds = 0;
            while ((await inbox.DueAsync(10, default)).Count == 0)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                seconds++;
            }

            dueAt.Add(seconds);
            givenUp.Add(await inbox.RecordFailureAsync(Assert.Single(await inbox.DueAsync(10, default)), default));
        }

        Assert.Equal([0, 30, 60], dueAt);
        Assert.Equal([false, false, true], givenUp);
        Assert.Equal(ClickState.Failed, await inbox.FindStateAsync("key-1", default));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await inbox.DueAsync(10, default));
    }

    /// <summary>Clicks the delete button as the approver; the click is stored, not handled. Returns its key.</summary>
    private static async Task<string> ClickAsync(SlackTestHost host)
    {
        var payload = ClickForms.Payload(InvestigationId, SlackTestHost.Approver);
        await host.PostSignedAsync("/slack/interactivity", ClickForms.Wrap(payload));
        var pending = await host.Services.GetRequiredService<ClickInbox>().DueAsync(10, default);
        return Assert.Single(pending).Click.DeliveryKey;
    }

    /// <summary>
    /// The process was down for 31 minutes; the worker of the next one starts only now, handles the
    /// click and is stopped once it is no longer pending. Returns the state it was left in.
    /// </summary>
    private static async Task<ClickState?> RunWorkerPastTheResponseUrlAsync(SlackTestHost host, string key)
    {
        host.Time.Advance(Click.ResponseUrlLifetime + TimeSpan.FromMinutes(1));
        var worker = ActivatorUtilities.CreateInstance<ClickInboxService>(host.Services);
        var inbox = host.Services.GetRequiredService<ClickInbox>();
        await worker.StartAsync(default);
        await Eventually.TrueAsync(() => inbox.FindStateAsync(key, default).Result != ClickState.Pending);
        await worker.StopAsync(default);
        return await inbox.FindStateAsync(key, default);
    }

    private Task<SlackTestHost> StartAsync(Action<IServiceCollection>? configure = null) =>
        SlackTestHost.StartAsync(_slack, configure, dbPath: _dbPath, store: _store);

    private static int PendingIn(SlackTestHost host) =>
        host.Services.GetRequiredService<ClickInbox>().CountPendingAsync(default).Result;

    private static Task<IReadOnlyList<FixRequest>> RequestsIn(SlackTestHost host) =>
        host.Services.GetRequiredService<FixRequestStore>().ListAsync(InvestigationId, default);

    /// <summary>Fills the inbox to capacity in one statement (a thousand acks would only slow the test).</summary>
    private async Task FillInboxAsync(SlackTestHost host)
    {
        Assert.Equal(0, PendingIn(host));
        await using var connection = new SqliteConnection($"Data Source={_dbPath}");
        await connection.OpenAsync();
        await using var fill = connection.CreateCommand();
        fill.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $capacity)
            INSERT INTO slack_click_inbox (delivery_key, action_id, user_id, received_at, state)
            SELECT 'filler-' || i, 'fix:run-gc', 'U0FILLER', '2026-12-03T12:00:00.0000000+00:00', 'pending' FROM n
            """;
        fill.Parameters.AddWithValue("$capacity", ClickInbox.Capacity);
        await fill.ExecuteNonQueryAsync();
    }
}

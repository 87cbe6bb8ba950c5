using System.Net;
using System.Text.Json.Nodes;
using Bot.Core.Investigations;
using Bot.Core.Triage;
using Bot.Slack.Approvals;
using Bot.Slack.LivingMessages;
using Bot.Lab.Slack;
using Bot.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Slack.Tests.Integration;

/// <summary>
/// A whole investigation, from a signed <c>/triage</c> through the core's runner with the fake
/// steps, as the Slack stand-in sees it; then clicks on the fix button.
/// </summary>
public sealed class LivingMessageIntegrationTests : IAsyncLifetime
{
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Triage_WholeInvestigation_OnePostThenUpdatesOfThatMessageEvidenceInThreadButtonsAtTheEnd()
    {
        await using var host = await SlackTestHost.StartAsync(_slack);

        var reply = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(FakeSteps.Ref));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Empty(_slack.Calls);
        await RunQueuedAsync(host);

        var posts = _slack.CallsTo("chat.postMessage");
        var main = Assert.Single(posts, c => c.ThreadTs is null);
        Assert.Equal(SlackTestHost.Channel, main.Json!["channel"]!.GetValue<string>());
        var ts = "1700000000.000001";
        Assert.Same(main, _slack.Calls[0]);

        var updates = _slack.CallsTo("chat.update");
        Assert.Equal(6, updates.Count);
        Assert.All(updates, u => Assert.Equal(ts, u.Ts));
        Assert.All(updates, u => Assert.Equal(SlackTestHost.Channel, u.Json!["channel"]!.GetValue<string>()));
        for (var step = 1; step <= 5; step++)
            Assert.Equal(step, FinishedSteps(updates[step - 1]));

        var evidence = posts.Where(c => c.ThreadTs is not null).ToList();
        Assert.Equal(5, evidence.Count);
        Assert.All(evidence, e => Assert.Equal(ts, e.ThreadTs));
        Assert.Contains("404 BLOB_UNKNOWN", evidence[2].Body, StringComparison.Ordinal);

        var last = updates[^1];
        var buttons = last.Blocks.Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).ToList();
        Assert.Equal("fix:delete-cache-manifest", Assert.Single(buttons)!["action_id"]!.GetValue<string>());
        Assert.All(_slack.Calls.Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal)),
            c => Assert.Empty(BlockKitRules.Violations(c.Json!)));
        Assert.All(_slack.Calls, c => Assert.Equal("Bearer xoxb-test-bot-token", c.Authorization));
        Assert.All(updates.Take(5), u => Assert.DoesNotContain(u.Blocks,
            b => b!["type"]!.GetValue<string>() == "actions"));
    }

    [Fact]
    public async Task Click_ByApprover_RecordsOnceAndSaysHonestlyThatFixesDoNotRunYet()
    {
        await using var host = await SlackTestHost.StartAsync(_slack);
        var id = await RunOneInvestigationAsync(host);

        var first = await host.PostSignedAsync("/slack/interactivity", ClickForms.Form(id, SlackTestHost.Approver));
        var second = await host.PostSignedAsync("/slack/interactivity", ClickForms.Form(id, SlackTestHost.Approver));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 2));
        var answers = _slack.CallsTo("chat.postEphemeral");
        Assert.All(answers, a => Assert.Equal(SlackTestHost.Approver, a.Json!["user"]!.GetValue<string>()));
        Assert.All(answers, a => Assert.Contains("not built yet", a.Text, StringComparison.Ordinal));
        Assert.Single(answers, a => a.Text!.Contains("already asked for", StringComparison.Ordinal));
        var requests = await host.Services.GetRequiredService<FixRequestStore>().ListAsync(id, default);
        var request = Assert.Single(requests);
        Assert.Equal(("delete-cache-manifest", SlackTestHost.Approver), (request.FixKind, request.RequestedBy));
        var updates = _slack.CallsTo("chat.update");
        Assert.Equal(7, updates.Count);
        var refreshed = updates[^1];
        Assert.Equal("1700000000.000001", refreshed.Ts);
        Assert.DoesNotContain(refreshed.Blocks, b => b!["type"]!.GetValue<string>() == "actions");
        var asked = refreshed.Blocks.Single(
            b => b!["block_id"]!.GetValue<string>().StartsWith("asked-", StringComparison.Ordinal));
        Assert.Contains("Asked for by <@U0APPROVER>", asked!["elements"]![0]!["text"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Empty(BlockKitRules.Violations(refreshed.Json!));
    }

    [Fact]
    public async Task Click_ByNonApprover_IsRefusedPrivatelyAndRecordsNothing()
    {
        await using var host = await SlackTestHost.StartAsync(_slack);
        var id = await RunOneInvestigationAsync(host);

        var response = await host.PostSignedAsync("/slack/interactivity", ClickForms.Form(id, "U0STRANGER"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 1));
        var refusal = _slack.CallsTo("chat.postEphemeral")[0];
        Assert.Equal("U0STRANGER", refusal.Json!["user"]!.GetValue<string>());
        Assert.Contains("Only approvers", refusal.Text, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<FixRequestStore>().ListAsync(id, default));
    }

    [Fact]
    public async Task Click_ByMemberOfTheApproverGroup_IsAllowed()
    {
        _slack.UsergroupMembers.Add("U0GROUPIE");
        await using var host = await SlackTestHost.StartAsync(_slack,
            settings: new Dictionary<string, string?> { ["Slack:ApproverGroup"] = "S0APPROVERS" });
        var id = await RunOneInvestigationAsync(host);

        await host.PostSignedAsync("/slack/interactivity", ClickForms.Form(id, "U0GROUPIE"));

        Assert.True(await Eventually.TrueAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 1));
        Assert.Equal("usergroup=S0APPROVERS", Assert.Single(_slack.CallsTo("usergroups.users.list")).Body);
        Assert.Single(await host.Services.GetRequiredService<FixRequestStore>().ListAsync(id, default));
    }

    [Fact]
    public async Task Click_WhenTheApproverGroupCannotBeRead_SaysSoAndRecordsNothing()
    {
        _slack.Script("usergroups.users.list", 200, """{"ok":false,"error":"invalid_auth"}""");
        await using var host = await SlackTestHost.StartAsync(_slack,
            settings: new Dictionary<string, string?> { ["Slack:ApproverGroup"] = "S0APPROVERS" });
        var id = await RunOneInvestigationAsync(host);

        await host.PostSignedAsync("/slack/interactivity", ClickForms.Form(id, "U0GROUPIE"));

        Assert.True(await Eventually.TrueAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 1));
        Assert.Contains("could not check the approvers", _slack.CallsTo("chat.postEphemeral")[0].Text,
            StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<FixRequestStore>().ListAsync(id, default));
    }

    [Fact]
    public async Task Click_OnAnUnknownInvestigation_RecordsNothing()
    {
        await using var host = await SlackTestHost.StartAsync(_slack);

        await host.PostSignedAsync("/slack/interactivity", ClickForms.Form("inv-nobody", SlackTestHost.Approver));

        Assert.True(await Eventually.TrueAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 1));
        Assert.Contains("no longer know", _slack.CallsTo("chat.postEphemeral")[0].Text, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<FixRequestStore>().ListAsync("inv-nobody", default));
    }

    [Fact]
    public async Task Restart_MidInvestigation_KeepsEditingTheSameMessage()
    {
        var store = new InMemoryInvestigationStore();
        var dbPath = Path.Combine(Path.GetTempPath(), $"bot-slack-{Guid.NewGuid():N}.db");
        var investigation = TestInvestigations.Walked(2, id: "inv-restart");
        await store.SaveAsync(investigation.ToSnapshot(), default);
        await using (var before = await SlackTestHost.StartAsync(_slack, dbPath: dbPath, store: store))
        {
            var observer = before.Services.GetRequiredService<IInvestigationObserver>();
            await observer.StepRecordedAsync(investigation, investigation.Steps[^1], default);
        }

        Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.ThreadTs is null);
        await using var after = await SlackTestHost.StartAsync(_slack, dbPath: dbPath, store: store);
        var worker = after.Services.GetRequiredService<TriageWorker>();
        await worker.RunOneAsync("inv-restart", default);

        var posts = _slack.CallsTo("chat.postMessage");
        var main = Assert.Single(posts, c => c.ThreadTs is null);
        var mainTs = "1700000000.000001";
        Assert.All(_slack.CallsTo("chat.update"), u => Assert.Equal(mainTs, u.Ts));
        Assert.Equal(4, _slack.CallsTo("chat.update").Count);
        Assert.Equal(5, posts.Count(c => c.ThreadTs == mainTs));
        Assert.Same(main, _slack.Calls[0]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(dbPath);
    }

    [Fact]
    public async Task Update_MessageDeletedInSlack_PostsANewMessageAndKeepsEditingThatOne()
    {
        await using var host = await SlackTestHost.StartAsync(_slack);
        _slack.Script("chat.update", 200, """{"ok":false,"error":"message_not_found"}""");

        await RunOneInvestigationAsync(host);

        var mains = _slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs is null).ToList();
        Assert.Equal(2, mains.Count);
        var updates = _slack.CallsTo("chat.update");
        Assert.Equal("1700000000.000001", updates[0].Ts);
        Assert.Equal(5, updates.Skip(1).Count());
        var newTs = updates[1].Ts;
        Assert.NotEqual("1700000000.000001", newTs);
        Assert.All(updates.Skip(1), u => Assert.Equal(newTs, u.Ts));
        Assert.Equal(5, _slack.CallsTo("chat.postMessage").Count(c => c.ThreadTs == newTs));
    }

    [Theory]
    [InlineData("invalid_blocks")]
    [InlineData("msg_blocks_too_long")]
    public async Task Evidence_ReplyRefusedForItsBlocks_IsSentInShortAndLaterStepsStillGetTheirs(string error)
    {
        _slack.Refuse("chat.postMessage", c => IsManifestEvidence(c) && c.Blocks.Count > 0, error);
        await using var host = await SlackTestHost.StartAsync(_slack);

        await RunOneInvestigationAsync(host);

        var replies = _slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs is not null).ToList();
        Assert.Single(replies, c => IsManifestEvidence(c) && c.Blocks.Count > 0);
        var shortForm = Assert.Single(replies, c => IsManifestEvidence(c) && c.Blocks.Count == 0);
        Assert.Contains("Slack refused the full reply", shortForm.Text, StringComparison.Ordinal);
        Assert.Equal(5, replies.Count(c => !IsManifestEvidence(c) || c.Blocks.Count == 0));
        var blobs = replies.FindIndex(c => c.Body.Contains("404 BLOB_UNKNOWN", StringComparison.Ordinal));
        Assert.True(replies.IndexOf(shortForm) < blobs, "The thread keeps the steps in order.");
    }

    [Fact]
    public async Task Evidence_ReplyRefusedInEveryForm_IsSkippedOnceAndNeverHoldsBackOrRepeats()
    {
        _slack.Refuse("chat.postMessage", IsManifestEvidence, "msg_too_long");
        await using var host = await SlackTestHost.StartAsync(_slack);

        var id = await RunOneInvestigationAsync(host);
        var observer = host.Services.GetRequiredService<LivingMessageObserver>();
        await observer.RefreshAsync(id, default);

        var replies = _slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs is not null).ToList();
        Assert.Equal(2, replies.Count(IsManifestEvidence));
        Assert.Equal(4, replies.Count(c => !IsManifestEvidence(c)));
        Assert.Contains(replies, c => c.Body.Contains("404 BLOB_UNKNOWN", StringComparison.Ordinal));
        Assert.Contains(replies, c => c.Body.Contains("no runs in 7 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Triage_ConcludedWithAChain_EndsTheThreadWithOneReplyOfTheChainsEvidence()
    {
        await using var host = await SlackTestHost.StartAsync(_slack, WithSeedLikeSteps);

        var id = await RunOneInvestigationAsync(host);
        // A later sync (a click's refresh, a resumed process) finds the reply made and adds none.
        await host.Services.GetRequiredService<LivingMessageObserver>().RefreshAsync(id, default);

        var replies = _slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs is not null).ToList();
        Assert.Equal(6, replies.Count);
        var chain = replies[^1];
        Assert.Single(replies, r => r.Body.Contains("Evidence for the root cause", StringComparison.Ordinal));
        Assert.Contains("Evidence for the root cause", chain.Text, StringComparison.Ordinal);
        var texts = chain.Blocks.Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.StartsWith("*Evidence for the root cause:* The registry's volume", texts[0], StringComparison.Ordinal);
        Assert.Equal(["CI log", "Referenced blobs", "Registry volume", "Garbage collection"],
            texts.Where(t => t.StartsWith('←')).Select(t => t.Split('*')[1]));
        // Whole, not the lines the living message picks: df's header line is there too.
        Assert.Contains(texts, t => t.Contains("Filesystem 1024-blocks", StringComparison.Ordinal) &&
                                    t.Contains("98% /storage", StringComparison.Ordinal));
        Assert.Contains("no space left on device", texts[^1], StringComparison.Ordinal);
        Assert.All(replies, r => Assert.Empty(BlockKitRules.Violations(r.Json!)));
    }

    /// <summary>The seed incident's story in place of the usual fake steps, so the diagnosis has its chain.</summary>
    private static void WithSeedLikeSteps(IServiceCollection services)
    {
        services.RemoveAll<IInvestigationStep>();
        foreach (var step in FakeSteps.SeedLike())
            services.AddSingleton(step);
    }

    private static bool IsManifestEvidence(RecordedCall call) =>
        call.ThreadTs is not null &&
        call.Body.Contains("vnd.oci.image.index.v1", StringComparison.Ordinal);

    private static int FinishedSteps(RecordedCall update)
    {
        var checklist = update.Blocks.Single(b => b!["block_id"]!.GetValue<string>().StartsWith("steps-",
            StringComparison.Ordinal))!;
        return checklist["text"]!["text"]!.GetValue<string>().Split('\n')
            .Count(line => !line.Contains(":white_circle:", StringComparison.Ordinal) &&
                           !line.Contains(":hourglass", StringComparison.Ordinal));
    }

    private static async Task<string> RunOneInvestigationAsync(SlackTestHost host)
    {
        var reply = await host.PostSignedAsync("/slack/commands", SlackTestHost.CommandForm(FakeSteps.Ref));
        var text = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["text"]!.GetValue<string>();
        await RunQueuedAsync(host);
        return System.Text.RegularExpressions.Regex.Match(text, "inv-[0-9a-f]+").Value;
    }

    private static async Task RunQueuedAsync(SlackTestHost host)
    {
        var queue = host.Services.GetRequiredService<TriageQueue>();
        var worker = host.Services.GetRequiredService<TriageWorker>();
        await foreach (var id in queue.ReadAllAsync(default))
        {
            await worker.RunOneAsync(id, default);
            break;
        }
    }
}

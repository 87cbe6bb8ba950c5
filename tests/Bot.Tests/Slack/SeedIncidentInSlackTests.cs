using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Hosting;
using Bot.Lab.GitHub;
using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;
using Bot.Lab.Slack;
using Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Bot.Tests.Slack;

/// <summary>
/// The whole product on the seed incident: the real bot server (<c>Bot serve</c>) gets a signed
/// <c>/triage</c> for the lab's CI run, walks the real registry, and talks to a Slack stand-in that
/// records every call and rate-limits the first edit.
/// </summary>
public sealed class SeedIncidentInSlackTests : IAsyncLifetime
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Channel = "C0INCIDENTS";
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-slack-seed-").FullName;
    private LabSession _lab = null!;
    private GitHubStandIn _gitHub = null!;
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync()
    {
        var scenario = ScenarioParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "seed.yaml"));
        var lab = new LabSessionOptions { RootDirectory = Path.Combine(_directory, "lab") };
        _lab = await LabSession.StartAsync(scenario, lab);
        _gitHub = await GitHubStandIn.StartAsync([_lab.CiRun], CancellationToken.None);
        _slack = await SlackStandIn.StartAsync();
    }

    [Fact]
    public async Task Triage_SeedIncident_OneLivingMessageUpdatedInPlaceEvidenceInThreadFixButtonsAtTheEnd()
    {
        _slack.Script("chat.update", 429, """{"ok":false,"error":"ratelimited"}""", retryAfter: "1");
        await using var bot = BotHost.BuildServer(Configuration());
        await bot.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Address(bot)) };

        using var command = SignedSlackRequest.Form(
            "/slack/commands", SignedSlackRequest.TriageForm(_gitHub.RunLink(_lab.CiRun).ToString()), Secret);
        var ack = await http.SendAsync(command);
        var concluded = await Poll.UntilAsync(
            () => _slack.CallsTo("chat.update").Any(HasButtons), TimeSpan.FromSeconds(90));
        // The chain's evidence is the thread's last reply, posted right after the concluding edit.
        var chainReplied = await Poll.UntilAsync(
            () => _slack.CallsTo("chat.postMessage").Any(IsChainEvidence), TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(concluded, "The living message never reached its conclusion with fix buttons.");
        Assert.True(chainReplied, "The thread never got the chain's evidence.");
        var living = Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.ThreadTs is null);
        Assert.Equal(Channel, living.Json!["channel"]!.GetValue<string>());
        var ts = _slack.CallsTo("chat.update").Select(u => u.Ts).Distinct().Single();
        var evidence = _slack.CallsTo("chat.postMessage").Where(c => c.ThreadTs is not null).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Equal(ts, e.ThreadTs));
        Assert.Contains(evidence, e => e.Body.Contains("500 UNKNOWN", StringComparison.Ordinal));
        Assert.Same(Assert.Single(evidence, IsChainEvidence), evidence[^1]);
        var gcEvidence = evidence[^1].Blocks[^1]!["text"]!["text"]!.GetValue<string>();
        Assert.StartsWith("`GET logs of pods of CronJob harbor-gc", gcEvidence, StringComparison.Ordinal);
        Assert.Contains("no space left on device", gcEvidence, StringComparison.Ordinal);
        // The scripted 429 met the first edit; the same edit went again after Retry-After and was taken.
        var updates = _slack.CallsTo("chat.update");
        Assert.Equal((429, 200), (updates[0].Status, updates[1].Status));
        Assert.Equal(updates[0].Body, updates[1].Body);
        // Edited step by step: every revision taken is newer, and shows at least as many finished
        // steps as the one before; each of the five steps finished shows in an edit of its own.
        var taken = updates.Where(u => u.Status == 200).ToList();
        Assert.Equal(taken.Select(Revision).Order(), taken.Select(Revision));
        Assert.Equal(taken.Count, taken.Select(Revision).Distinct().Count());
        var finished = taken.Select(FinishedSteps).ToList();
        Assert.Equal(finished.Order(), finished);
        Assert.Equal([1, 2, 3, 4, 5], finished.Distinct());
        // Whatever Slack was sent, it would take: Block Kit's limits hold for every message.
        Assert.All(_slack.Calls.Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal)),
            c => Assert.Empty(BlockKitRules.Violations(c.Json!)));
        var last = updates[^1];
        // The seed has its cluster, so the living message names the whole chain's root: the full volume.
        Assert.Contains("ran out of space during a cache push", last.Body, StringComparison.Ordinal);
        // Under it the chain, as the chat prints it: each link with the evidence the chat picks for it.
        // The volume's and GC's links name the "no space left on device" writes; their evidence shows
        // the registry log's count of them and the failed GC runs (lines cut at 120 characters, as in the chat).
        var chain = ChainLinks(last);
        Assert.Equal(["CI log", "Referenced blobs", "Registry volume", "Garbage collection"], chain.Select(Title));
        Assert.All(chain, link => Assert.NotEmpty(Evidence(link)));
        Assert.Contains("no space left on device", Said(chain[2]), StringComparison.Ordinal);
        Assert.Contains(Evidence(chain[2]), line => line.Contains("→ no-space: ", StringComparison.Ordinal));
        Assert.Contains("no space left on device", Said(chain[3]), StringComparison.Ordinal);
        Assert.Contains(Evidence(chain[3]), line => line.Contains(": failed-no-space", StringComparison.Ordinal));
        Assert.Contains(Buttons(last), b => b["action_id"]!.GetValue<string>() == "fix:delete-cache-manifest");
        Assert.Contains(Buttons(last), b => b["action_id"]!.GetValue<string>() == "fix:resize-pvc");
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _gitHub.DisposeAsync();
        await _lab.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Dictionary<string, string?> Configuration()
    {
        var settings = new Dictionary<string, string?>(_lab.BotConfiguration(_gitHub.ApiBaseUri, _gitHub.WebBaseUri))
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:SqlitePath"] = Path.Combine(_directory, "triage.db"),
            ["Slack:BotToken"] = "xoxb-seed-test",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:Channel"] = Channel,
            ["Slack:ApiBaseUrl"] = _slack.ApiUrl.ToString(),
            ["Slack:PostInterval"] = "00:00:00",
        };
        return settings;
    }

    // Kestrel was asked for port 0; once started, the app's Urls say which port it got.
    private static string Address(WebApplication app) => app.Urls.First();

    private static bool HasButtons(RecordedCall call) => Buttons(call).Any();

    private static bool IsChainEvidence(RecordedCall call) =>
        call.ThreadTs is not null &&
        call.Text?.StartsWith("Evidence for the root cause", StringComparison.Ordinal) == true;

    private static JsonNode Checklist(RecordedCall update) =>
        update.Blocks.Single(b => b!["block_id"]!.GetValue<string>().StartsWith("steps-", StringComparison.Ordinal))!;

    /// <summary>The revision in the checklist's block id (<c>steps-r3</c>): every edit has a new one.</summary>
    private static int Revision(RecordedCall update) =>
        int.Parse(Checklist(update)["block_id"]!.GetValue<string>()["steps-r".Length..], CultureInfo.InvariantCulture);

    /// <summary>Checklist lines of steps that finished: neither waiting nor being checked.</summary>
    private static int FinishedSteps(RecordedCall update) =>
        Checklist(update)["text"]!["text"]!.GetValue<string>().Split('\n')
            .Count(line => !line.StartsWith(":white_circle:", StringComparison.Ordinal) &&
                           !line.StartsWith(":hourglass", StringComparison.Ordinal));

    /// <summary>The text of the chain's link sections (<c>chain-0-r7</c> …), in order.</summary>
    private static List<string> ChainLinks(RecordedCall update) =>
        [.. update.Blocks.Where(b => Regex.IsMatch(b!["block_id"]!.GetValue<string>(), @"^chain-\d+-r"))
            .Select(b => b!["text"]!["text"]!.GetValue<string>())];

    /// <summary>The step a link names: <c>← *Registry volume*: …</c>.</summary>
    private static string Title(string link) => link.Split('*')[1];

    /// <summary>What the link says, its first line; the quoted lines under it are its evidence.</summary>
    private static string Said(string link) => link.Split('\n')[0];

    private static IEnumerable<string> Evidence(string link) => link.Split('\n').Where(l => l.StartsWith('>'));

    private static IEnumerable<JsonNode> Buttons(RecordedCall call) =>
        call.Blocks.Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray())!;
}

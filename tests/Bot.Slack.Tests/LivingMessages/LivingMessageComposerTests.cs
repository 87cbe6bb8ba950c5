using System.Text.Json.Nodes;
using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Lab.Slack;
using Bot.Slack.LivingMessages;
using Bot.Slack.Tests.Support;
using Bot.Slack.WebApi;

namespace Bot.Slack.Tests.LivingMessages;

public sealed class LivingMessageComposerTests
{
    private readonly LivingMessageComposer _composer = new(TestPrompts.Slack);
    /// <summary>Where every cut pointer sends the reader: the investigation, by id.</summary>
    private const string StoreKeepsAll = @"The bot's store keeps all of it under investigation inv-test\.";

    private readonly EvidenceReplyComposer _evidence = new(TestPrompts.Slack);

    [Fact]
    public void Compose_Concluded_ShowsFiveStepsRootCauseAndAConfirmedDeleteButton()
    {
        var message = Json(_composer.Compose(TestInvestigations.Concluded(), running: null, revision: 3));

        Assert.Empty(BlockKitRules.Violations(message));
        var blocks = message["blocks"]!.AsArray();
        var checklist = blocks.Single(b => Id(b) == "steps-r3")!["text"]!["text"]!.GetValue<string>();
        Assert.Equal(5, checklist.Split('\n').Length);
        Assert.Contains("*Root cause:*", blocks.ToJsonString(), StringComparison.Ordinal);
        var button = Assert.Single(Buttons(message));
        Assert.Equal("fix:delete-cache-manifest", button["action_id"]!.GetValue<string>());
        Assert.Equal("inv-test|delete-cache-manifest", button["value"]!.GetValue<string>());
        Assert.Equal("danger", button["style"]!.GetValue<string>());
        Assert.NotNull(button["confirm"]);
    }

    [Theory]
    [InlineData("fix:delete-cache-manifest", "Deleting the manifest cannot be undone")]
    [InlineData("fix:run-gc", "Garbage collection deletes the blobs nothing references for good")]
    [InlineData("fix:resize-pvc", "A volume cannot shrink back once grown: it stays at 40Gi")]
    public void Compose_IrreversibleFix_HasADangerButtonWithAConfirmDialogSayingWhatCannotBeUndone(
        string actionId, string warning)
    {
        var message = Json(_composer.Compose(TestInvestigations.ConcludedOfferingEveryFix(), null, 1));

        Assert.Empty(BlockKitRules.Violations(message));
        var button = Buttons(message).Single(b => b["action_id"]!.GetValue<string>() == actionId);
        Assert.Equal("danger", button["style"]!.GetValue<string>());
        var confirm = button["confirm"]!;
        Assert.Equal("danger", confirm["style"]!.GetValue<string>());
        var text = confirm["text"]!["text"]!.GetValue<string>();
        // What cannot be undone comes first, so a cut to the dialog's 300 characters never loses it.
        Assert.StartsWith(warning, text, StringComparison.Ordinal);
        Assert.Equal("Ask for it", confirm["confirm"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Compose_RerunCi_IsAPlainButtonWithoutConfirmation()
    {
        var message = Json(_composer.Compose(TestInvestigations.ConcludedOfferingEveryFix(), null, 1));

        var button = Buttons(message).Single(b => b["action_id"]!.GetValue<string>() == "fix:rerun-ci");
        Assert.Null(button["style"]);
        Assert.Null(button["confirm"]);
        Assert.Equal(4, Buttons(message).Count);
    }

    [Fact]
    public void Compose_MidWalk_MarksTheRunningStepAndHasNoButtons()
    {
        var message = Json(_composer.Compose(TestInvestigations.Walked(2), running: StepName.Blobs, revision: 0));

        Assert.Empty(BlockKitRules.Violations(message));
        var checklist = message["blocks"]!.AsArray().Single(b => b!["block_id"]!.GetValue<string>() == "steps-r0")!;
        var lines = checklist["text"]!["text"]!.GetValue<string>().Split('\n');
        Assert.Contains(":hourglass_flowing_sand:", lines[2], StringComparison.Ordinal);
        Assert.Contains(":white_circle:", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain(message["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");
    }

    [Fact]
    public void Compose_TwoRevisions_UseDifferentBlockIds()
    {
        var investigation = TestInvestigations.Concluded();

        var first = Json(_composer.Compose(investigation, null, 1))["blocks"]!.AsArray().Select(Id).ToHashSet();
        var second = Json(_composer.Compose(investigation, null, 2))["blocks"]!.AsArray().Select(Id).ToHashSet();

        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void Compose_VeryLongInput_IsCutToFitTheHeader()
    {
        var input = "registry.internal:5000/" + new string('a', 400) + ":cache";

        var message = Json(_composer.Compose(TestInvestigations.Concluded(input: input), null, 0));

        Assert.Empty(BlockKitRules.Violations(message));
        Assert.EndsWith("…", message["blocks"]![0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_InputWithMentionMarkup_IsEscapedInMrkdwn()
    {
        var message = Json(_composer.Compose(TestInvestigations.Walked(0, input: "<!channel>"), StepName.CiLog, 0));

        Assert.DoesNotContain("<!channel>", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SeedLikeConclusion_ShowsTheChainCiLogBlobsVolumeGcEachWithItsEvidence()
    {
        var message = Json(_composer.Compose(TestInvestigations.ConcludedSeedLike(), null, 4));

        Assert.Empty(BlockKitRules.Violations(message));
        var ids = message["blocks"]!.AsArray().Select(Id).ToList();
        var chain = ChainTexts(message);
        Assert.Equal(4, chain.Count);
        // In the chat's order, between the root cause and the fixes.
        Assert.Equal(ids.IndexOf("cause-r4") + 1, ids.IndexOf("chain-0-r4"));
        Assert.True(ids.IndexOf("chain-3-r4") < ids.IndexOf("fix-delete-cache-manifest-r4"));
        Assert.StartsWith("← *CI log*: The CI build failed reading its cache", chain[0], StringComparison.Ordinal);
        Assert.Contains(Evidence(chain[0]), l => l.Contains("failed to compute cache key", StringComparison.Ordinal));
        Assert.StartsWith("← *Referenced blobs*:", chain[1], StringComparison.Ordinal);
        Assert.Contains(Evidence(chain[1]), l => l.Contains("500 UNKNOWN", StringComparison.Ordinal));
        Assert.StartsWith("← *Registry volume*:", chain[2], StringComparison.Ordinal);
        Assert.Contains(">`exec harbor-registry-0: df -P /storage` → tmpfs 24576 23904 672 98% /storage",
            Evidence(chain[2]));
        Assert.Contains(Evidence(chain[2]), l => l.Contains("→ no-space: 1 from", StringComparison.Ordinal));
        Assert.StartsWith("← *Garbage collection*: GC has been failing", chain[3], StringComparison.Ordinal);
        Assert.Contains(Evidence(chain[3]), l => l.EndsWith("no space left on device", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_ConclusionWithoutAChain_HasNoChainBlocks()
    {
        var message = Json(_composer.Compose(TestInvestigations.Concluded(), null, 1));

        Assert.Empty(ChainTexts(message));
        Assert.DoesNotContain(message["blocks"]!.AsArray(), b => Id(b) == "chain-cut-r1");
    }

    [Theory]
    [InlineData(60, 3500)]
    [InlineData(60, 10)]
    [InlineData(45, 10)]
    public void Compose_LongChain_StaysInsideBlockKitLimitsAndPointsAtTheRest(int links, int detailLength)
    {
        var detail = "<!channel> " + new string('x', detailLength);
        var investigation = TestInvestigations.ConcludedSeedLike(change: c => c with
        {
            RootCause = c.RootCause with { Chain = [.. Enumerable.Range(0, links).Select(_ => GcLink(detail))] },
        });

        var message = Json(_composer.Compose(investigation, null, 2));

        Assert.Empty(BlockKitRules.Violations(message));
        var blocks = message["blocks"]!.AsArray();
        var total = blocks.Sum(TextLength);
        Assert.InRange(total, 1, 40_000);
        var shown = ChainTexts(message);
        Assert.InRange(shown.Count, 1, links - 1);
        Assert.All(shown, t => Assert.DoesNotContain("<!channel>", t, StringComparison.Ordinal));
        Assert.Contains("&lt;!channel&gt;", shown[0], StringComparison.Ordinal);
        if (detailLength > 3000)
            Assert.Matches(@"…cut; \d+ more lines?\. " + StoreKeepsAll + "$", shown[0]);
        var pointer = blocks.Single(b => Id(b) == "chain-cut-r2")!.ToJsonString();
        Assert.Contains($"{links - shown.Count} more links of the cause chain", pointer, StringComparison.Ordinal);
        Assert.Contains("investigation inv-test", pointer, StringComparison.Ordinal);
        // The chain never crowds out the buttons.
        Assert.NotEmpty(Buttons(message));
    }

    [Fact]
    public void ComposeEvidence_AnswerOfThousandsOfLines_IsCutWithAPointerToTheRest()
    {
        var answer = string.Join('\n', Enumerable.Range(1, 2000).Select(i => $"line {i}: blob not found"));
        var record = Record(new Evidence("GET /logs", answer));

        var (reply, cut) = _evidence.Compose("inv-test", record);
        var json = Json(reply);

        Assert.True(cut);
        Assert.Empty(BlockKitRules.Violations(json));
        var item = json["blocks"]![1]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("line 1: blob not found", item, StringComparison.Ordinal);
        Assert.Matches(@"…cut; \d+ more lines\. " + StoreKeepsAll, item);
    }

    [Fact]
    public void ComposeEvidence_MoreItemsThanBlocks_CountsTheRestInsteadOfFailing()
    {
        var items = Enumerable.Range(1, 120).Select(i => new Evidence($"HEAD /v2/app/blobs/{i}", "404")).ToArray();

        var (reply, cut) = _evidence.Compose("inv-test", Record(items));
        var json = Json(reply);

        Assert.True(cut);
        Assert.Empty(BlockKitRules.Violations(json));
        var blocks = json["blocks"]!.AsArray();
        Assert.Equal(50, blocks.Count);
        Assert.Contains("72 more pieces of evidence", blocks[^1]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("investigation inv-test", blocks[^1]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeEvidence_ManyLongAnswers_StayInsideTheTotalTextCapAndCountTheRest()
    {
        var answer = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"line {i}: " + new string('x', 60)));
        var items = Enumerable.Range(1, 40).Select(i => new Evidence($"GET /v2/app/blobs/{i}", answer)).ToArray();

        var (reply, cut) = _evidence.Compose("inv-test", Record(items));
        var json = Json(reply);

        Assert.True(cut);
        Assert.Empty(BlockKitRules.Violations(json));
        var blocks = json["blocks"]!.AsArray();
        var total = blocks.Sum(b => (b!["text"]?["text"] ?? b["elements"]![0]!["text"])!.GetValue<string>().Length);
        // Slack documents no total behind msg_blocks_too_long; 40,000 is the one whole-message length it does.
        Assert.InRange(total, 30_000, 40_000);
        var shown = blocks.Count - 2;
        Assert.Contains($"{40 - shown} more pieces of evidence", blocks[^1]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeShortEvidence_LongAnswers_IsPlainTextCutWithAPointerNamingTheInvestigation()
    {
        var answer = string.Join('\n', Enumerable.Range(1, 500).Select(i => $"line {i}: <!channel> blob not found"));

        var reply = Json(_evidence.ComposeShort("inv-test", Record(new Evidence("GET /logs", answer))));

        Assert.Null(reply["blocks"]);
        var text = reply["text"]!.GetValue<string>();
        Assert.InRange(text.Length, 1, 3000);
        Assert.Contains("Slack refused the full reply", text, StringComparison.Ordinal);
        Assert.Contains("line 1: &lt;!channel&gt; blob not found", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.Matches(@"…cut; \d+ more lines\. " + StoreKeepsAll + "$", text);
    }

    [Fact]
    public void ComposeEvidence_ShortEvidence_IsSentWhole()
    {
        var record = Record(new Evidence("HEAD /v2/app/blobs/x", "404 BLOB_UNKNOWN"));

        var (reply, cut) = _evidence.Compose("inv-test", record);

        Assert.False(cut);
        Assert.Contains("404 BLOB_UNKNOWN", Json(reply).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeChain_SeedLikeConclusion_GivesEachLinkItsStepsEvidenceWhole()
    {
        var (reply, cut) = _evidence.ComposeChain(TestInvestigations.ConcludedSeedLike())!.Value;
        var json = Json(reply);

        Assert.False(cut);
        Assert.Empty(BlockKitRules.Violations(json));
        var texts = json["blocks"]!.AsArray().Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        string[] starts =
        [
            "*Evidence for the root cause:* The registry's volume", "← *CI log*:",
            "`GET /repos/acme/app/actions/jobs/7/logs`", "← *Referenced blobs*:", "`GET /v2/app/blobs/",
            "← *Registry volume*:", "`exec harbor-registry-0: df -P /storage`", "`get pods/harbor-registry-0/log",
            "← *Garbage collection*:", "`GET logs of pods of CronJob harbor-gc in harbor`",
        ];
        Assert.Equal(starts.Length, texts.Count);
        Assert.All(starts.Zip(texts), p => Assert.StartsWith(p.First, p.Second, StringComparison.Ordinal));
        Assert.Contains("Filesystem 1024-blocks Used Available Capacity Mounted on\ntmpfs", texts[6],
            StringComparison.Ordinal);
        Assert.EndsWith("no space left on device```", texts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeChain_ConclusionWithoutAChain_IsNothing()
    {
        Assert.Null(_evidence.ComposeChain(TestInvestigations.Concluded()));
    }

    [Fact]
    public void ComposeChain_ManyLinksOfLongEvidence_StaysInsideTheLimitsAndCountsTheRest()
    {
        var investigation = TestInvestigations.ConcludedSeedLike(change: c => c with
        {
            RootCause = c.RootCause with { Chain = [.. Enumerable.Range(0, 60).Select(_ => GcLink("<!channel>"))] },
        });

        var (reply, cut) = _evidence.ComposeChain(investigation)!.Value;
        var json = Json(reply);

        Assert.True(cut);
        Assert.Empty(BlockKitRules.Violations(json));
        var blocks = json["blocks"]!.AsArray();
        Assert.Equal(50, blocks.Count);
        Assert.DoesNotContain("<!channel>", json.ToJsonString(), StringComparison.Ordinal);
        // Each link is a heading and its one piece of evidence; the rest of the 60 pieces is counted.
        Assert.Contains($"{60 - ((50 - 2) / 2)} more pieces of evidence", blocks[^1]!.ToJsonString(),
            StringComparison.Ordinal);
        Assert.Contains("investigation inv-test", blocks[^1]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeChainShort_IsPlainTextInsideOneSectionWithThePointer()
    {
        var investigation = TestInvestigations.ConcludedSeedLike(change: c => c with
        {
            RootCause = c.RootCause with { Chain = [.. Enumerable.Range(0, 60).Select(_ => GcLink("<!channel>"))] },
        });

        var reply = Json(_evidence.ComposeChainShort(investigation));

        Assert.Null(reply["blocks"]);
        var text = reply["text"]!.GetValue<string>();
        Assert.InRange(text.Length, 1, 3000);
        Assert.StartsWith("Evidence for the root cause, in short", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.Matches(@"…cut; \d+ more lines\. " + StoreKeepsAll + "$", text);
    }

    private static StepRecord Record(params Evidence[] evidence) =>
        new(StepName.Blobs, StepStatus.ProblemFound, Core.Investigations.Finding.Of("fake.blobs", ("digest",
            "sha256:x")),
            evidence, TimeSpan.FromSeconds(1), DateTimeOffset.UnixEpoch);

    private static CauseLink GcLink(string detail) =>
        new("gc-failing", StepName.Gc, new Dictionary<string, string>
        {
            ["gcOutcome"] = "failed-no-space", ["gcDetail"] = detail,
        })
        { Marks = [": failed-no-space"] };

    /// <summary>A section's, header's or context's text length; buttons count for nothing.</summary>
    private static int TextLength(JsonNode? block) => block!["type"]!.GetValue<string>() switch
    {
        "actions" => 0,
        "context" => block["elements"]!.AsArray().Sum(e => e!["text"]!.GetValue<string>().Length),
        _ => block["text"]!["text"]!.GetValue<string>().Length,
    };

    /// <summary>The text of the chain's link sections, in order.</summary>
    private static List<string> ChainTexts(JsonNode message) =>
        [.. message["blocks"]!.AsArray()
            .Where(b => Id(b) is { } id && id.StartsWith("chain-", StringComparison.Ordinal) &&
                        !id.StartsWith("chain-cut", StringComparison.Ordinal))
            .Select(b => b!["text"]!["text"]!.GetValue<string>())];

    /// <summary>A link's evidence lines: quoted, request then answer.</summary>
    private static IEnumerable<string> Evidence(string link) => link.Split('\n').Where(l => l.StartsWith('>'));

    private static List<JsonNode> Buttons(JsonNode message) =>
        [.. message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(b => b!)];

    private static string? Id(JsonNode? block) => block!["block_id"]?.GetValue<string>();

    private static JsonNode Json(SlackMessage message) =>
        JsonNode.Parse(SlackJson.Serialize(new { text = message.Text, blocks = message.Blocks }))!;
}

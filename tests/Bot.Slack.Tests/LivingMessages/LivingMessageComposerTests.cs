using System.Text.Json.Nodes;
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
        var checklist = blocks.Single(b => b!["block_id"]!.GetValue<string>() == "steps-r3")!["text"]!["text"]!.GetValue<string>();
        Assert.Equal(5, checklist.Split('\n').Length);
        Assert.Contains("*Root cause:*", blocks.ToJsonString(), StringComparison.Ordinal);
        var button = Assert.Single(blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray())!;
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

    private static StepRecord Record(params Evidence[] evidence) =>
        new(StepName.Blobs, StepStatus.ProblemFound, Core.Investigations.Finding.Of("fake.blobs", ("digest",
            "sha256:x")),
            evidence, TimeSpan.FromSeconds(1), DateTimeOffset.UnixEpoch);

    private static List<JsonNode> Buttons(JsonNode message) =>
        [.. message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(b => b!)];

    private static string? Id(JsonNode? block) => block!["block_id"]?.GetValue<string>();

    private static JsonNode Json(SlackMessage message) =>
        JsonNode.Parse(SlackJson.Serialize(new { text = message.Text, blocks = message.Blocks }))!;
}

using System.Text.Json.Nodes;
using Bot.Lab.Slack;

namespace Bot.Slack.Tests.LivingMessages;

/// <summary>The limits checker the other tests lean on, shown to catch what Slack would refuse.</summary>
public sealed class BlockKitRulesTests
{
    [Theory]
    [InlineData("""{"blocks":[]}""", "top-level text is required")]
    [InlineData("""{"text":"t","blocks":[{"type":"header","text":{"type":"mrkdwn","text":"h"}}]}""", "not plain_text")]
    [InlineData("""{"text":"t","blocks":[{"type":"divider","block_id":"a"},{"type":"divider","block_id":"a"}]}""",
        "block ids repeat")]
    public void Violations_MessageSlackWouldRefuse_AreNamed(string json, string expected)
    {
        var violations = BlockKitRules.Violations(JsonNode.Parse(json)!);

        Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_ConfirmLabelOver30Characters_IsNamed()
    {
        var button = new JsonObject
        {
            ["type"] = "button", ["action_id"] = "a", ["text"] = Plain("go"),
            ["confirm"] = new JsonObject
            {
                ["title"] = Plain("t"), ["text"] = Plain("x"), ["deny"] = Plain("no"),
                ["confirm"] = Plain("a label far longer than thirty characters"),
            },
        };
        var actions = new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(button) };

        var message = new JsonObject { ["text"] = "t", ["blocks"] = new JsonArray(actions) };

        var violations = BlockKitRules.Violations(message);

        Assert.Equal(["block 0: confirm or deny label over 30 characters"], violations);
    }

    [Fact]
    public void Violations_TooManyBlocksAndTooLongASection_AreEachNamed()
    {
        var blocks = new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "section", ["text"] = Plain(i == 7 ? new string('x', 3001) : "ok"),
        })]);

        var violations = BlockKitRules.Violations(new JsonObject { ["text"] = "t", ["blocks"] = blocks });

        Assert.Equal(["51 blocks (at most 50)", "block 7: section text of 3001 characters (at most 3000)"], violations);
    }

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}

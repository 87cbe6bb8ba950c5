using System.Text.Json.Nodes;

namespace Bot.Slack.Tests.Support;

/// <summary>
/// Checks a message's JSON against Block Kit's documented limits, independently of the adapter's
/// own constants, so a wrong constant there cannot hide a violation here.
/// </summary>
internal static class BlockKitRules
{
    public static void AssertWithinLimits(JsonNode message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message["text"]?.GetValue<string>()), "top-level text is required");
        var blocks = message["blocks"]?.AsArray() ?? [];
        Assert.True(blocks.Count <= 50, $"{blocks.Count} blocks");

        var ids = blocks.Select(b => b!["block_id"]?.GetValue<string>()).Where(id => id is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id!.Length <= 255));

        foreach (var block in blocks.Select(b => b!))
        {
            switch (block["type"]!.GetValue<string>())
            {
                case "header":
                    Assert.Equal("plain_text", block["text"]!["type"]!.GetValue<string>());
                    Assert.True(Text(block["text"]).Length <= 150);
                    break;
                case "section":
                    Assert.True(Text(block["text"]).Length <= 3000, $"section of {Text(block["text"]).Length}");
                    break;
                case "context":
                    Assert.True(block["elements"]!.AsArray().Count <= 10);
                    break;
                case "actions":
                    var buttons = block["elements"]!.AsArray();
                    Assert.True(buttons.Count <= 25);
                    Assert.True(buttons.Count(b => b!["style"]?.GetValue<string>() == "primary") <= 1);
                    Assert.All(buttons, b => AssertButton(b!));
                    break;
            }
        }
    }

    private static void AssertButton(JsonNode button)
    {
        Assert.Equal("button", button["type"]!.GetValue<string>());
        Assert.Equal("plain_text", button["text"]!["type"]!.GetValue<string>());
        Assert.True(Text(button["text"]).Length <= 75);
        Assert.True(button["action_id"]!.GetValue<string>().Length <= 255);
        Assert.True((button["value"]?.GetValue<string>().Length ?? 0) <= 2000);
        if (button["confirm"] is JsonNode confirm)
        {
            Assert.True(Text(confirm["title"]).Length <= 100);
            Assert.True(Text(confirm["text"]).Length <= 300);
            Assert.True(Text(confirm["confirm"]).Length <= 30);
            Assert.True(Text(confirm["deny"]).Length <= 30);
        }
    }

    private static string Text(JsonNode? textObject) => textObject?["text"]?.GetValue<string>() ?? "";
}

using System.Text.Json.Nodes;

namespace Bot.Lab.Slack;

/// <summary>
/// Block Kit's documented limits (SLACK.md §6) checked on a message's JSON as Slack receives it,
/// written out independently of the adapter's own constants so a wrong constant there cannot hide
/// a violation here. Lives beside the Slack stand-in so every test project can use it; the bot
/// itself never references the lab.
/// </summary>
public static class BlockKitRules
{
    /// <summary>Every rule the message breaks, in words; empty when Slack would take it.</summary>
    public static IReadOnlyList<string> Violations(JsonNode message)
    {
        var found = new List<string>();
        if (string.IsNullOrWhiteSpace(message["text"]?.GetValue<string>()))
            found.Add("top-level text is required beside blocks");

        var blocks = message["blocks"]?.AsArray() ?? [];
        if (blocks.Count > 50)
            found.Add($"{blocks.Count} blocks (at most 50)");

        var ids = blocks.Select(b => b!["block_id"]?.GetValue<string>()).OfType<string>().ToList();
        if (ids.Count != ids.Distinct(StringComparer.Ordinal).Count())
            found.Add("block ids repeat");
        found.AddRange(ids.Where(id => id.Length > 255).Select(id => $"block id of {id.Length} characters"));

        foreach (var (block, index) in blocks.Select((b, i) => (b!, i)))
            found.AddRange(BlockViolations(block).Select(v => $"block {index}: {v}"));
        return found;
    }

    private static IEnumerable<string> BlockViolations(JsonNode block)
    {
        switch (block["type"]!.GetValue<string>())
        {
            case "header":
                if (block["text"]?["type"]?.GetValue<string>() != "plain_text")
                    yield return "header text is not plain_text";
                if (Text(block["text"]).Length > 150)
                    yield return $"header text of {Text(block["text"]).Length} characters (at most 150)";
                break;
            case "section":
                if (Text(block["text"]).Length > 3000)
                    yield return $"section text of {Text(block["text"]).Length} characters (at most 3000)";
                break;
            case "context":
                if (block["elements"]!.AsArray().Count > 10)
                    yield return "over 10 context elements";
                break;
            case "actions":
                var buttons = block["elements"]!.AsArray();
                if (buttons.Count > 25)
                    yield return "over 25 actions elements";
                if (buttons.Count(b => b!["style"]?.GetValue<string>() == "primary") > 1)
                    yield return "more than one primary button";
                foreach (var violation in buttons.SelectMany(b => ButtonViolations(b!)))
                    yield return violation;
                break;
        }
    }

    private static IEnumerable<string> ButtonViolations(JsonNode button)
    {
        if (button["type"]?.GetValue<string>() != "button")
            yield return "not a button";
        if (button["text"]?["type"]?.GetValue<string>() != "plain_text")
            yield return "button text is not plain_text";
        if (Text(button["text"]).Length > 75)
            yield return "button text over 75 characters";
        if (button["action_id"]!.GetValue<string>().Length > 255)
            yield return "action_id over 255 characters";
        if ((button["value"]?.GetValue<string>().Length ?? 0) > 2000)
            yield return "button value over 2000 characters";

        if (button["confirm"] is not JsonNode confirm)
            yield break;
        if (Text(confirm["title"]).Length > 100)
            yield return "confirm title over 100 characters";
        if (Text(confirm["text"]).Length > 300)
            yield return "confirm text over 300 characters";
        if (Text(confirm["confirm"]).Length > 30 || Text(confirm["deny"]).Length > 30)
            yield return "confirm or deny label over 30 characters";
    }

    private static string Text(JsonNode? textObject) => textObject?["text"]?.GetValue<string>() ?? "";
}

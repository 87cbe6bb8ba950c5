using System.Text.Json.Nodes;

namespace Bot.Slack.Tests.Support;

/// <summary>Clicks (on the delete-cache-manifest button unless told), shaped like Slack's block_actions.</summary>
internal static class ClickForms
{
    private static int s_clicks;

    /// <summary>A new click: Slack gives every interaction its own trigger id and action_ts.</summary>
    public static string Form(string investigationId, string user) => Wrap(Payload(investigationId, user));

    public static string Wrap(string payload) => "payload=" + Uri.EscapeDataString(payload);

    public static string Payload(
        string investigationId, string user, string actionId = "fix:delete-cache-manifest")
    {
        var n = Interlocked.Increment(ref s_clicks);
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["team_id"] = "T1" },
            ["api_app_id"] = "A1",
            ["container"] = new JsonObject
            {
                ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = SlackTestHost.Channel,
                ["is_ephemeral"] = false,
            },
            ["channel"] = new JsonObject { ["id"] = SlackTestHost.Channel, ["name"] = "triage" },
            // Not Slack's host, so the adapter must refuse it and answer with chat.postEphemeral.
            ["response_url"] = "http://127.0.0.1:9/not-slack",
            ["trigger_id"] = $"1.2.{n}",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "fixes-r6",
                ["value"] = investigationId + "|delete-cache-manifest", ["action_ts"] = $"1700000001.{n:D6}",
            }),
        }.ToJsonString();
    }
}

using System.Text.Json;

namespace Bot.Slack.WebApi;

/// <summary>
/// A successful answer to a generic call: its fields beside <c>ok</c>, and the cursor for the next page.
/// </summary>
public sealed record SlackApiAnswer(
    IReadOnlyDictionary<string, JsonElement> Fields, string? NextCursor, string? Warning);

using System.Text.Json.Nodes;

namespace Bot.Lab.Slack;

/// <summary>One call the Slack stand-in received, with its JSON body parsed when it had one.</summary>
public sealed record RecordedCall(
    string Method, string Authorization, string ContentType, string Query, string Body, JsonNode? Json)
{
    /// <summary>The HTTP status the stand-in answered with: 429 for a scripted rate limit, else 200.</summary>
    public int Status { get; init; } = 200;

    public string? ThreadTs => Json?["thread_ts"]?.GetValue<string>();

    public string? Ts => Json?["ts"]?.GetValue<string>();

    public string? Text => Json?["text"]?.GetValue<string>();

    public JsonArray Blocks => Json?["blocks"]?.AsArray() ?? [];
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Slack.WebApi;

/// <summary>
/// Every Web API answer: <c>ok</c>, and on failure <c>error</c> with details; the rest is per method.
/// </summary>
internal sealed class ApiEnvelope
{
    public bool? Ok { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }

    public string? Needed { get; init; }

    public string? Provided { get; init; }

    public Metadata? ResponseMetadata { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement> Fields { get; init; } = [];

    public string? StringField(string name) =>
        Fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal sealed class Metadata
    {
        public IReadOnlyList<string>? Messages { get; init; }

        public string? NextCursor { get; init; }
    }
}

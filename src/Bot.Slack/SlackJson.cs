using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Slack;

/// <summary>Slack's JSON spelling: snake_case fields, no nulls written, numbers never quoted.</summary>
internal static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Slack puts "type" wherever it likes (after "payload" in Socket Mode envelopes).
        AllowOutOfOrderMetadataProperties = true,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static T? Deserialize<T>(JsonElement json) => json.Deserialize<T>(Options);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Slack.Events;

/// <summary>
/// The inner event, with the fields common to the kinds we know; a handler reads anything else
/// it needs from <see cref="Extra"/>. Handlers are chosen by <see cref="Type"/>.
/// </summary>
public sealed class SlackEvent
{
    public string Type { get; init; } = "";

    public string? User { get; init; }

    public string? Channel { get; init; }

    public string? Ts { get; init; }

    public string? EventTs { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement> Extra { get; init; } = new Dictionary<string, JsonElement>();
}

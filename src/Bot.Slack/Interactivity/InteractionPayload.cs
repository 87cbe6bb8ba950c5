using System.Text.Json.Serialization;

namespace Bot.Slack.Interactivity;

/// <summary>
/// What a click, a shortcut or a modal sends. The <c>type</c> field picks the class; types we do
/// not handle yet read as this base class and are acknowledged and ignored.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(BlockActionsPayload), "block_actions")]
public class InteractionPayload
{
    public InteractionUser User { get; init; } = new();

    public InteractionTeam? Team { get; init; }

    public string? ApiAppId { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }
}

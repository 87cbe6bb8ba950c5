using System.Text.Json.Serialization;

namespace Bot.Slack.Blocks;

/// <summary>A Block Kit layout block; the subclass decides the <c>type</c> Slack sees.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
public abstract record Block
{
    /// <summary>At most 255 characters, unique per message and per version of it.</summary>
    public string? BlockId { get; init; }
}

using System.Text.Json.Serialization;

namespace Bot.Slack.SocketMode;

/// <summary>
/// One Socket Mode message. The <c>type</c> field picks the class; an unknown type reads as this
/// base class and is ignored (envelopes of unknown types are still acknowledged).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(HelloFrame), "hello")]
[JsonDerivedType(typeof(DisconnectFrame), "disconnect")]
[JsonDerivedType(typeof(EventsApiEnvelope), "events_api")]
[JsonDerivedType(typeof(SlashCommandsEnvelope), "slash_commands")]
[JsonDerivedType(typeof(InteractiveEnvelope), "interactive")]
public class SocketFrame
{
    /// <summary>Set on envelopes of every type, known or not; each must be acknowledged.</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>
    /// Whether the ack may carry a response (a message for a command, a <c>response_action</c> for a modal).
    /// </summary>
    public bool AcceptsResponsePayload { get; init; }
}

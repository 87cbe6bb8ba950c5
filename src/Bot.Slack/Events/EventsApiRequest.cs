using System.Text.Json.Serialization;

namespace Bot.Slack.Events;

/// <summary>What the Events API posts: a URL check when the app is set up, or an event.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(UrlVerification), "url_verification")]
[JsonDerivedType(typeof(EventCallback), "event_callback")]
public class EventsApiRequest;

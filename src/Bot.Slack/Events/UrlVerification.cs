namespace Bot.Slack.Events;

/// <summary>Slack checking the events URL; answered with the challenge, after the signature check.</summary>
public sealed class UrlVerification : EventsApiRequest
{
    public string Challenge { get; init; } = "";
}

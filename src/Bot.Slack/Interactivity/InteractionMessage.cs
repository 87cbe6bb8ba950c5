namespace Bot.Slack.Interactivity;

/// <summary>The message that held the clicked element, as far as the adapter needs it.</summary>
public sealed record InteractionMessage
{
    public string? Type { get; init; }

    public string? Ts { get; init; }

    public string? BotId { get; init; }

    public string? User { get; init; }

    public string? Text { get; init; }
}

namespace Bot.Slack.Interactivity;

public sealed record InteractionChannel
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }
}

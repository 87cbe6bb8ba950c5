namespace Bot.Slack.Interactivity;

/// <summary>Who clicked. Authorise on <see cref="Id"/> only.</summary>
public sealed record InteractionUser
{
    public string Id { get; init; } = "";

    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? TeamId { get; init; }
}

namespace Bot.Slack.Interactivity;

public sealed record InteractionTeam
{
    public string Id { get; init; } = "";

    public string? Domain { get; init; }

    public string? EnterpriseId { get; init; }

    public string? EnterpriseName { get; init; }
}

namespace Bot.Slack.WebApi;

/// <summary>The parts of <c>users.info</c> the bot uses. E-mail is deliberately not read.</summary>
public sealed record SlackUserInfo
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? RealName { get; init; }

    public string? TeamId { get; init; }

    public bool Deleted { get; init; }

    public bool IsBot { get; init; }

    public bool IsAdmin { get; init; }
}

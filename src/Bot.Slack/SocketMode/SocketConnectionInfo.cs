namespace Bot.Slack.SocketMode;

public sealed record SocketConnectionInfo
{
    public string? AppId { get; init; }
}

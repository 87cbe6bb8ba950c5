namespace Bot.Slack.SocketMode;

public sealed record SocketDebugInfo
{
    public string? Host { get; init; }

    public int? BuildNumber { get; init; }

    /// <summary>Seconds this connection is expected to live before Slack refreshes it.</summary>
    public int? ApproximateConnectionTime { get; init; }
}

namespace Bot.Slack.SocketMode;

/// <summary>Slack announcing the end of this connection.</summary>
public sealed class DisconnectFrame : SocketFrame
{
    private static readonly Dictionary<string, DisconnectReason> Reasons = new(StringComparer.Ordinal)
    {
        ["warning"] = DisconnectReason.Warning,
        ["refresh_requested"] = DisconnectReason.RefreshRequested,
        ["link_disabled"] = DisconnectReason.LinkDisabled,
    };

    /// <summary>Slack's word for it, kept for the log.</summary>
    public string Reason { get; init; } = "";

    public SocketDebugInfo? DebugInfo { get; init; }

    public DisconnectReason Kind => Reasons.GetValueOrDefault(Reason, DisconnectReason.Unknown);
}

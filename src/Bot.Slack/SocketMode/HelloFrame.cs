namespace Bot.Slack.SocketMode;

/// <summary>The first frame on a new connection.</summary>
public sealed class HelloFrame : SocketFrame
{
    public int NumConnections { get; init; }

    public SocketDebugInfo? DebugInfo { get; init; }

    public SocketConnectionInfo? ConnectionInfo { get; init; }
}

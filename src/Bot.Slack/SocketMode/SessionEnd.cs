namespace Bot.Slack.SocketMode;

/// <summary>How a connection ended, which decides what the service does next.</summary>
public enum SessionEnd
{
    /// <summary>Slack asked us to reconnect (warning, refresh): open a new connection at once.</summary>
    Reconnect,

    /// <summary>The socket dropped or closed without notice: reconnect after a backoff.</summary>
    Dropped,

    /// <summary>Socket Mode was disabled for the app: stop trying.</summary>
    Stop,
}

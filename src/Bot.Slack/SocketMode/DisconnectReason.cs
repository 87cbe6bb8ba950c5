namespace Bot.Slack.SocketMode;

/// <summary>Why Slack is closing a connection. Anything but <see cref="LinkDisabled"/> means: reconnect.</summary>
public enum DisconnectReason
{
    /// <summary>
    /// A reason we do not know (users report <c>too_many_websockets</c>, SlackNet <c>socket_mode_disabled</c>).
    /// </summary>
    Unknown,

    /// <summary>The socket closes in about 10 s.</summary>
    Warning,

    /// <summary>A routine refresh, every few hours.</summary>
    RefreshRequested,

    /// <summary>Socket Mode was switched off for the app: stop.</summary>
    LinkDisabled,
}

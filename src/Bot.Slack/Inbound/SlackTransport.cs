namespace Bot.Slack.Inbound;

/// <summary>How a payload reached us; only logs care, handlers behave the same either way.</summary>
public enum SlackTransport
{
    Http,
    SocketMode,
}

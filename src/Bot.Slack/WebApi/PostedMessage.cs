namespace Bot.Slack.WebApi;

/// <summary>
/// Where a message landed: <see cref="Ts"/> (a string, e.g. <c>1503435956.000247</c>) names it for updates and threads.
/// </summary>
public sealed record PostedMessage(string Channel, string Ts);

namespace Bot.Slack.Clicks;

/// <summary>A stored click waiting for the worker, with its place in the inbox and the attempts so far.</summary>
public sealed record PendingClick(long Seq, Click Click, int Attempts);

namespace Bot.Lab.Scenarios;

/// <summary>
/// When a GC pod started: a fixed UTC time, or a span before the session's start (<c>2d ago</c>),
/// so a scenario's GC history stays "days old" on whatever day it is rehearsed.
/// </summary>
public sealed record PodStart(DateTimeOffset? At, TimeSpan Ago)
{
    public DateTimeOffset Resolve(DateTimeOffset now) => At ?? now - Ago;
}

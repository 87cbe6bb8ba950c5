namespace Bot.Lab.Sessions;

/// <summary>Where a lab session puts its files.</summary>
public sealed record LabSessionOptions
{
    /// <summary>Each session gets its own directory here, removed when the session ends.</summary>
    public string RootDirectory { get; init; } = "/tmp/triage-lab";

    /// <summary>The clock behind GC pods' relative start times (<c>2d ago</c>) and the cluster's pod ages.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

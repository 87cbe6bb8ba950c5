namespace Bot.Lab.Sessions;

/// <summary>Where a lab session puts its files.</summary>
public sealed record LabSessionOptions
{
    /// <summary>Each session gets its own directory here, removed when the session ends.</summary>
    public string RootDirectory { get; init; } = "/tmp/triage-lab";
}

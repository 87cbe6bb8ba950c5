namespace Bot.Storage;

/// <summary>Where investigations are kept; the <c>Storage</c> section of appsettings.json.</summary>
public sealed class StorageOptions
{
    /// <summary>The SQLite file, relative to the working directory unless rooted. Default <c>triage.db</c>.</summary>
    public string SqlitePath { get; set; } = "triage.db";
}

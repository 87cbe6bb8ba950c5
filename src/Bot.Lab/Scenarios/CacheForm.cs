namespace Bot.Lab.Scenarios;

/// <summary>The two documents BuildKit writes for a registry cache (DOMAIN.md §3.1).</summary>
public enum CacheForm
{
    /// <summary>An OCI image index: layers, then the cacheconfig as the last entry (BuildKit before 0.21).</summary>
    Index,

    /// <summary>An OCI image manifest with the cacheconfig as its config (the default since BuildKit 0.21).</summary>
    ImageManifest,
}

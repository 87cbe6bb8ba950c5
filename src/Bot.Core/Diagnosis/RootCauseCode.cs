namespace Bot.Core.Diagnosis;

/// <summary>
/// The closed set of root causes the bot can name. Each has a prompt in
/// <c>prompts/root-causes/</c> and a line in README's table; JSON uses the kebab-case name.
/// </summary>
public enum RootCauseCode
{
    /// <summary>The cache manifest references a blob the registry cannot serve in full.</summary>
    CacheBlobMissingOrEmpty,

    /// <summary>The cache manifest's own stored bytes are empty or unreadable (500 UNKNOWN).</summary>
    CacheManifestCorrupt,

    /// <summary>
    /// The cache is broken because the registry's volume ran out of space during a push: the
    /// registry logged "no space left on device", or the volume is at or over the full threshold.
    /// </summary>
    VolumeFullCorruptedCache,

    /// <summary>
    /// A cache blob is gone while the volume has room and logged no failed write: not a disk
    /// problem. Suspect a deletion or a GC that raced a push.
    /// </summary>
    CacheBlobLostVolumeHealthy,

    /// <summary>The cache tag or repository does not exist in the registry.</summary>
    CacheManifestMissing,

    RegistryUnreachable,

    RegistryAuthFailed,

    RegistryRateLimited,

    /// <summary>The registry answered, but not with anything a registry should say.</summary>
    RegistryAnsweredGarbage,

    /// <summary>
    /// The CI log shows a failure that has nothing to do with the registry, and the registry is fine.
    /// </summary>
    UnrelatedToRegistry,

    NothingWrongFound,

    /// <summary>
    /// The run's latest attempt has no failed job: there is no failure to triage, and the bot
    /// does not invent one.
    /// </summary>
    RunDidNotFail,

    /// <summary>The evidence does not point at one cause; the report says what is known.</summary>
    Inconclusive,
}

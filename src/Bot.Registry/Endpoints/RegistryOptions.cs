namespace Bot.Registry.Endpoints;

/// <summary>
/// The registries the bot may talk to and how hard it may lean on them, bound from the
/// <c>Registry</c> section of appsettings.json.
/// </summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>The allowlist: a registry not named here is never contacted.</summary>
    public IList<RegistryEndpoint> Registries { get; init; } = [];

    /// <summary>How many blob requests run at once during the blob check. Default 8.</summary>
    public int BlobCheckConcurrency { get; set; } = 8;

    /// <summary>
    /// Blobs up to this size are downloaded in full and hashed; bigger ones get a 1-byte ranged GET.
    /// Default 1 MiB.
    /// </summary>
    public long SmallBlobBytes { get; set; } = 1024 * 1024;

    /// <summary>A manifest body past this is not read on. Default 4 MiB.</summary>
    public int MaxManifestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long one request to a registry (or its token realm) may take. Default 15 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);
}

namespace Bot.Registry.Manifests;

/// <summary>The shapes a manifest can have, as recorded in <c>Clues.ManifestKind</c>.</summary>
public static class ManifestKinds
{
    /// <summary>BuildKit's index form: layers and the cacheconfig are the index's <c>manifests[]</c>.</summary>
    public const string CacheIndex = "cache-index";

    /// <summary>BuildKit's image-manifest form: the cacheconfig is the <c>config</c>.</summary>
    public const string CacheImageManifest = "cache-image-manifest";

    public const string Image = "image";

    /// <summary>A plain index or manifest list: its entries are manifests, not blobs.</summary>
    public const string Index = "index";
}

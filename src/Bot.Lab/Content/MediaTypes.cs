namespace Bot.Lab.Content;

/// <summary>The media types the lab writes.</summary>
public static class MediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string BuildKitCacheConfig = "application/vnd.buildkit.cacheconfig.v0";

    /// <summary>What a careful client sends on every manifest GET and HEAD (DOMAIN.md §1, pitfall 1).</summary>
    public static readonly string[] ManifestAccept =
    [
        OciIndex,
        OciManifest,
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];
}

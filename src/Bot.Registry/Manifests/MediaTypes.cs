namespace Bot.Registry.Manifests;

/// <summary>The media types the manifest inspect asks for and recognises.</summary>
public static class MediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string BuildKitCacheConfig = "application/vnd.buildkit.cacheconfig.v0";

    /// <summary>Sent on every manifest request: without the OCI types 2.8 answers 404 for an OCI document.</summary>
    public static IReadOnlyList<string> Accepted { get; } = [OciIndex, OciManifest, DockerManifestList, DockerManifest];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;
}

namespace Bot.Core.Investigations;

/// <summary>The registry log lines that tell a write went wrong on disk (DOMAIN §4.4).</summary>
public static class RegistryWriteErrorKinds
{
    /// <summary><c>no space left on device</c> while writing an upload, a blob or a link.</summary>
    public const string NoSpace = "no-space";

    /// <summary><c>unexpected end of JSON input</c>: a manifest whose stored bytes are empty.</summary>
    public const string EmptyManifestBlob = "empty-manifest-blob";

    /// <summary><c>invalid checksum digest format</c>: a 0-byte <c>link</c> file.</summary>
    public const string EmptyLink = "empty-link";
}

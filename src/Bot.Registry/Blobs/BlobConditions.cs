namespace Bot.Registry.Blobs;

/// <summary>
/// What the blob check found for one blob; all but <see cref="Present"/> are conditions of Core's
/// <c>BrokenBlob</c>.
/// </summary>
public static class BlobConditions
{
    public const string Present = "present";

    /// <summary>404 BLOB_UNKNOWN.</summary>
    public const string Missing = "missing";

    /// <summary>200 with no bytes: the data is gone while the descriptor cache still vouches for it.</summary>
    public const string Empty = "empty";

    /// <summary>Fewer bytes than the descriptor's size.</summary>
    public const string Short = "short";

    /// <summary>
    /// 500 on the blob: typically a 0-byte <c>_layers/…/link</c>, "invalid checksum digest format".
    /// </summary>
    public const string BrokenLink = "broken-link";

    public const string DigestMismatch = "digest-mismatch";
}

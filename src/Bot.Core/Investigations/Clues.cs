using Bot.Core.Targets;

namespace Bot.Core.Investigations;

/// <summary>
/// What earlier steps learned that later steps need: the ref the CI log named, the manifest's
/// descriptors, the blobs found broken. Persisted with the investigation so a restart resumes
/// with everything the finished steps knew.
/// </summary>
public sealed record Clues
{
    public RunLink? RunLink { get; init; }

    /// <summary>The cache or image reference under suspicion, e.g. <c>registry.internal:5000/app:cache</c>.</summary>
    public string? ImageRef { get; init; }

    /// <summary>The error class the CI log classifier gave, e.g. <c>cache-blob-not-found</c>.</summary>
    public string? CiErrorClass { get; init; }

    /// <summary>Whether the CI failure involves the registry at all, as far as the log tells.</summary>
    public bool? CiFailureInvolvesRegistry { get; init; }

    public string? DigestFromLog { get; init; }

    public string? ManifestDigest { get; init; }

    /// <summary>The manifest's shape: <c>cache-index</c>, <c>cache-image-manifest</c>, <c>image</c> or <c>index</c>.</summary>
    public string? ManifestKind { get; init; }

    /// <summary>The class of the registry's answer when the manifest could not be read.</summary>
    public string? RegistryProblem { get; init; }

    public IReadOnlyList<BlobClue> Blobs { get; init; } = [];

    public IReadOnlyList<BrokenBlob> BrokenBlobs { get; init; } = [];
}

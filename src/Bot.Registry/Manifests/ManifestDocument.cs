using Bot.Core.Investigations;

namespace Bot.Registry.Manifests;

/// <summary>A manifest the registry served intact: its digest, shape, and the blobs it references.</summary>
public sealed record ManifestDocument(
    string Digest, string MediaType, string Kind, long Size, IReadOnlyList<BlobClue> Blobs);

namespace Bot.Lab.Content;

/// <summary>A manifest or index ready to PUT, with the blobs it references.</summary>
/// <param name="Config">The image config, or the BuildKit cacheconfig (in the index form, a <c>manifests[]</c> entry).
/// </param>
public sealed record ManifestDocument(string MediaType, byte[] Content, BlobRef Config, IReadOnlyList<BlobRef> Layers)
{
    public string Digest => Bot.Registry.Push.OciPusher.DigestOf(Content);
}

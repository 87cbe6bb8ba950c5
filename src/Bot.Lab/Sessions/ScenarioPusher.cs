using Bot.Lab.Content;
using Bot.Lab.Scenarios;
using Bot.Registry.Push;

namespace Bot.Lab.Sessions;

/// <summary>
/// Pushes a scenario's images and caches over the distribution API, blobs first and the manifest
/// last, as a build does. Layer bytes are seeded by reference and position, so digests are stable.
/// </summary>
internal sealed class ScenarioPusher(OciPusher pusher)
{
    public async Task<PushedArtifact> PushImageAsync(ImageSpec image, CancellationToken cancellationToken)
    {
        var layers = await PushLayersAsync(
            image.Repository, $"image:{image.Reference}", image.LayerSizes, cancellationToken);
        var config = await PushBlobAsync(
            image.Repository, ImageDocuments.Config(layers), MediaTypes.OciConfig, cancellationToken);

        var manifest = ImageDocuments.Manifest(config, layers);
        await PutManifestAsync(image.Repository, image.Tag, manifest, cancellationToken);
        return new PushedArtifact(image.Repository, image.Tag, manifest, CacheForm: null);
    }

    /// <summary>Pushes the cache's layers and cacheconfig; the manifest is returned, not yet PUT.</summary>
    public async Task<PushedArtifact> PushCacheBlobsAsync(
        CacheSpec cache, string cacheRef, CancellationToken cancellationToken)
    {
        var layers = await PushLayersAsync(
            cache.Repository, $"cache:{cache.Reference}", cache.LayerSizes, cancellationToken);
        var configBytes = BuildKitCacheDocuments.CacheConfig(cacheRef, layers);
        var config = await PushBlobAsync(
            cache.Repository, configBytes, MediaTypes.BuildKitCacheConfig, cancellationToken);

        var manifest = BuildKitCacheDocuments.Manifest(cache.Form, config, layers);
        return new PushedArtifact(cache.Repository, cache.Tag, manifest, cache.Form);
    }

    public Task PutManifestAsync(PushedArtifact artifact, CancellationToken cancellationToken) =>
        PutManifestAsync(artifact.Repository, artifact.Tag, artifact.Document, cancellationToken);

    /// <summary>Pushes an untagged blob nobody references: what a failing GC leaves to pile up.</summary>
    public Task<BlobRef> PushOrphanAsync(
        string repository, string seed, long size, CancellationToken cancellationToken) =>
        PushBlobAsync(repository, SeededBytes.Create(seed, size), MediaTypes.OciLayerGzip, cancellationToken);

    public static byte[] LayerBytes(string artifactSeed, int index, long size) =>
        SeededBytes.Create($"{artifactSeed}#layer{index}", size);

    private async Task<List<BlobRef>> PushLayersAsync(
        string repository, string seed, IReadOnlyList<long> sizes, CancellationToken cancellationToken)
    {
        var layers = new List<BlobRef>(sizes.Count);
        for (var i = 0; i < sizes.Count; i++)
        {
            var content = LayerBytes(seed, i, sizes[i]);
            layers.Add(await PushBlobAsync(repository, content, MediaTypes.OciLayerGzip, cancellationToken));
        }

        return layers;
    }

    private async Task<BlobRef> PushBlobAsync(
        string repository, byte[] content, string mediaType, CancellationToken cancellationToken)
    {
        var result = await pusher.PushBlobAsync(repository, content, cancellationToken);
        if (!result.Succeeded)
        {
            throw new LabSetupException(
                $"Pushing a {content.Length}-byte blob to {repository} failed with " +
                $"{(int)result.Status}: {result.ErrorBody}");
        }

        return new BlobRef(result.Digest, content.Length, mediaType);
    }

    private async Task PutManifestAsync(
        string repository, string tag, ManifestDocument manifest, CancellationToken cancellationToken)
    {
        var result = await pusher.PutManifestAsync(
            repository, tag, manifest.MediaType, manifest.Content, cancellationToken);
        if (!result.Succeeded)
            throw new LabSetupException($"PUT {repository}:{tag} failed with {(int)result.Status}: {result.ErrorBody}");
    }
}

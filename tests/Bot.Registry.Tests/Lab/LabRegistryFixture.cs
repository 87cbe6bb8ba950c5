using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Lab.Registry;
using Bot.Registry.Manifests;
using Bot.Registry.Push;
using Bot.Registry.Tests.Support;

namespace Bot.Registry.Tests.Lab;

/// <summary>
/// One real distribution 2.8 registry per test class, in a temp folder. Each test pushes its own
/// cache with fresh random layers, so breaking one test's blobs on disk cannot touch another's.
/// </summary>
public sealed class LabRegistryFixture : IAsyncLifetime
{
    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "bot-registry-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public RegistryProcess Registry { get; private set; } = null!;

    public RegistrySettings Settings => new()
    {
        DataDirectory = Path.Combine(_root, "data"),
        WorkDirectory = Path.Combine(_root, "work"),
    };

    internal Harness Harness() => new(new SocketsHttpHandler(), Registry.BaseUri);

    public async Task InitializeAsync()
    {
        Registry = await RegistryProcess.StartAsync(Settings, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Registry.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>
    /// Pushes random layers, the lab's cacheconfig rewritten to name them, and a cache manifest of the given form.
    /// </summary>
    public async Task<PushedCache> PushCacheAsync(string repository, string form, string tag = "cache")
    {
        using var http = new HttpClient { BaseAddress = Registry.BaseUri };
        var pusher = new OciPusher(http);
        var layers = new[] { RandomNumberGenerator.GetBytes(140), RandomNumberGenerator.GetBytes(152) };
        var layerDigests = layers.Select(l => OciPusher.DigestOf(l)).ToArray();

        var cacheConfig = JsonNode.Parse(Recorded.Manifest("cacheconfig.json"))!;
        for (var i = 0; i < layers.Length; i++)
            cacheConfig["layers"]![i]!["blob"] = layerDigests[i];
        var configBytes = Encoding.UTF8.GetBytes(cacheConfig.ToJsonString());

        foreach (var blob in layers.Append(configBytes))
            await Ensure(pusher.PushBlobAsync(repository, blob, CancellationToken.None));

        var (mediaType, manifest) = form == ManifestKinds.CacheIndex
            ? (MediaTypes.OciIndex, Rewrite("cache-index.json", "manifests", layers, configBytes))
            : (MediaTypes.OciManifest, Rewrite("cache-imgmanifest.json", "layers", layers, configBytes));
        var pushed = await Ensure(
            pusher.PutManifestAsync(repository, tag, mediaType, manifest, CancellationToken.None));

        return new PushedCache(
            repository, tag, pushed.Digest, OciPusher.DigestOf(configBytes), layerDigests, manifest.Length);
    }

    public string BlobDataPath(string digest) =>
        Path.Combine(Settings.DataDirectory, "docker/registry/v2/blobs/sha256", digest[7..9], digest[7..], "data");

    public string LayerLinkPath(string repository, string digest) =>
        Path.Combine(
            Settings.DataDirectory,
            "docker/registry/v2/repositories",
            repository,
            "_layers/sha256",
            digest[7..],
            "link");

    /// <summary>Stop and start on the same port and data: the in-memory blob-descriptor cache is cold again.</summary>
    public Task RestartAsync() => Registry.RestartAsync(null, CancellationToken.None);

    private static byte[] Rewrite(string fixture, string layerArray, byte[][] layers, byte[] config)
    {
        var manifest = JsonNode.Parse(Recorded.Manifest(fixture))!;
        var descriptors = manifest[layerArray]!.AsArray();
        for (var i = 0; i < layers.Length; i++)
            SetDescriptor(descriptors[i]!, layers[i]);

        SetDescriptor(layerArray == "manifests" ? descriptors[layers.Length]! : manifest["config"]!, config);
        return Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    private static void SetDescriptor(JsonNode descriptor, byte[] content)
    {
        descriptor["digest"] = OciPusher.DigestOf(content);
        descriptor["size"] = content.Length;
    }

    private static async Task<PushResult> Ensure(Task<PushResult> push)
    {
        var result = await push;
        return result.Succeeded
            ? result
            : throw new InvalidOperationException($"lab push failed: {result.Status} {result.ErrorBody}");
    }
}

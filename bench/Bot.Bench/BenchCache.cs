using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Registry.Manifests;
using Bot.Registry.Push;

namespace Bot.Bench;

/// <summary>A BuildKit-shaped cache index with many small distinct layers, pushed to the lab registry.</summary>
internal static class BenchCache
{
    public static async Task<string> PushAsync(HttpClient http, string repository, int layerCount, CancellationToken ct)
    {
        var pusher = new OciPusher(http);
        var layers = Enumerable.Range(0, layerCount)
            .Select(_ => RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(2 * 1024, 6 * 1024)))
            .ToList();

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(layers, parallel, async (layer, token) =>
            Ensure(await pusher.PushBlobAsync(repository, layer, token)));

        var cacheConfig = new JsonObject
        {
            ["layers"] = new JsonArray([.. layers.Select((l, i) => (JsonNode)new JsonObject
            {
                ["blob"] = OciPusher.DigestOf(l),
                ["parent"] = i - 1,
            })]),
            ["records"] = new JsonArray(),
        };
        var config = Encoding.UTF8.GetBytes(cacheConfig.ToJsonString());
        Ensure(await pusher.PushBlobAsync(repository, config, ct));

        var entries = layers.Select(l => Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", l))
            .Append(Descriptor(MediaTypes.BuildKitCacheConfig, config));
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciIndex,
            ["manifests"] = new JsonArray([.. entries]),
        };
        var manifest = Encoding.UTF8.GetBytes(index.ToJsonString());
        return Ensure(await pusher.PutManifestAsync(repository, "cache", MediaTypes.OciIndex, manifest, ct)).Digest;
    }

    private static JsonObject Descriptor(string mediaType, byte[] content) => new JsonObject
    {
        ["mediaType"] = mediaType,
        ["digest"] = OciPusher.DigestOf(content),
        ["size"] = content.Length,
    };

    private static PushResult Ensure(PushResult result) =>
        result.Succeeded
            ? result
            : throw new InvalidOperationException($"push failed: {result.Status} {result.ErrorBody}");
}

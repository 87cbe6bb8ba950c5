using System.Text.Json;

namespace Bot.Lab.Tests.Support;

/// <summary>The blobs a manifest or index body references, read straight from the JSON the registry returned.</summary>
internal static class ManifestReferences
{
    public static IReadOnlyList<(string Digest, long Size)> Of(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var descriptors = root.TryGetProperty("manifests", out var manifests)
            ? manifests.EnumerateArray().ToList()
            : [root.GetProperty("config"), .. root.GetProperty("layers").EnumerateArray()];
        return descriptors
            .Select(d => (d.GetProperty("digest").GetString()!, d.GetProperty("size").GetInt64()))
            .ToList();
    }
}

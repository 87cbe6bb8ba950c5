using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Core.Investigations;

namespace Bot.Registry.Manifests;

/// <summary>
/// Reads a manifest body into its kind and descriptors. Anything off-shape (not JSON, a body
/// <c>mediaType</c> that contradicts the Content-Type, a descriptor without a valid digest or
/// size) is refused with a reason: the registry answered garbage.
/// </summary>
public static partial class ManifestParser
{
    public static bool TryParse(
        ReadOnlySpan<byte> body,
        string contentType,
        out (string Kind, IReadOnlyList<BlobClue> Blobs) parsed,
        out string reason)
    {
        parsed = default;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Refuse("the body is not a JSON object", out reason);

            if (root.TryGetProperty("mediaType", out var declared) &&
                (declared.ValueKind != JsonValueKind.String || declared.GetString() != contentType))
            {
                return Refuse($"Content-Type {contentType} but the body says {Short(declared.ToString())}", out reason);
            }

            return MediaTypes.IsIndex(contentType)
                ? TryParseIndex(root, out parsed, out reason)
                : TryParseManifest(root, out parsed, out reason);
        }
        catch (JsonException)
        {
            return Refuse("the body is not JSON", out reason);
        }
    }

    public static bool IsDigest(string? text) => text is not null && DigestShape().IsMatch(text);

    private static bool TryParseIndex(
        JsonElement root, out (string, IReadOnlyList<BlobClue>) parsed, out string reason)
    {
        parsed = default;
        if (!root.TryGetProperty("manifests", out var entries) || entries.ValueKind != JsonValueKind.Array)
            return Refuse("an index without a manifests array", out reason);

        var descriptors = new List<BlobClue>();
        foreach (var entry in entries.EnumerateArray())
        {
            if (!TryReadDescriptor(entry, "entry", out var descriptor, out reason))
                return false;
            descriptors.Add(descriptor);
        }

        if (!descriptors.Any(d => d.MediaType == MediaTypes.BuildKitCacheConfig))
        {
            // A plain index points at manifests, which the blob check does not read.
            parsed = (ManifestKinds.Index, []);
            reason = "";
            return true;
        }

        var blobs = descriptors.Select(
            d => d with { Role = d.MediaType == MediaTypes.BuildKitCacheConfig ? "cacheconfig" : "layer" });
        parsed = (ManifestKinds.CacheIndex, [.. blobs]);
        reason = "";
        return true;
    }

    private static bool TryParseManifest(
        JsonElement root, out (string, IReadOnlyList<BlobClue>) parsed, out string reason)
    {
        parsed = default;
        if (!root.TryGetProperty("config", out var config))
            return Refuse("an image manifest without config", out reason);
        if (!TryReadDescriptor(config, "config", out var configBlob, out reason))
            return false;

        if (!root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            return Refuse("an image manifest without a layers array", out reason);

        var isCache = configBlob.MediaType == MediaTypes.BuildKitCacheConfig;
        var blobs = new List<BlobClue> { configBlob with { Role = isCache ? "cacheconfig" : "config" } };
        foreach (var layer in layers.EnumerateArray())
        {
            if (!TryReadDescriptor(layer, "layer", out var blob, out reason))
                return false;
            blobs.Add(blob);
        }

        parsed = (isCache ? ManifestKinds.CacheImageManifest : ManifestKinds.Image, blobs);
        reason = "";
        return true;
    }

    private static bool TryReadDescriptor(JsonElement element, string role, out BlobClue descriptor, out string reason)
    {
        descriptor = null!;
        if (element.ValueKind != JsonValueKind.Object)
            return Refuse($"a {role} descriptor is not an object", out reason);

        var digest = Text(element, "digest");
        if (!IsDigest(digest))
            return Refuse($"a {role} descriptor has no valid digest", out reason);

        if (!element.TryGetProperty("size", out var s) || s.ValueKind != JsonValueKind.Number ||
            !s.TryGetInt64(out var size) || size < 0)
            return Refuse($"a {role} descriptor of {digest} has no valid size", out reason);

        var mediaType = Text(element, "mediaType") ?? "";
        descriptor = new BlobClue(digest!, size, mediaType, role);
        reason = "";
        return true;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Refuse(string why, out string reason)
    {
        reason = why;
        return false;
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex("^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestShape();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Lab.Scenarios;

namespace Bot.Lab.Content;

/// <summary>
/// Writes a BuildKit registry cache the way BuildKit does (DOMAIN.md §3.1, lab copies in
/// tests/fixtures/logs/lab-registry-2.8.2/manifests/): a cacheconfig chaining one record per
/// layer, and either an OCI index (layers, then the cacheconfig last) or an OCI image manifest
/// (the cacheconfig as config).
/// </summary>
public static class BuildKitCacheDocuments
{
    /// <summary>Registries and BuildKit write media types with a plain '+', not the default escaped \u002B.</summary>
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>BuildKit stamps each layer it exports; a fixed instant keeps the digests stable.</summary>
    private static readonly DateTimeOffset CreatedAt = new(2026, 3, 17, 14, 20, 0, TimeSpan.Zero);

    public static byte[] CacheConfig(string cacheRef, IReadOnlyList<BlobRef> layers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteStartArray("layers");
            for (var i = 0; i < layers.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("blob", layers[i].Digest);
                json.WriteNumber("parent", i - 1);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("records");
            json.WriteStartObject();
            json.WriteString("digest", RecordDigest(cacheRef, 0));
            json.WriteEndObject();
            for (var i = 0; i < layers.Count; i++)
                WriteRecord(json, cacheRef, i);

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static ManifestDocument Manifest(CacheForm form, BlobRef cacheConfig, IReadOnlyList<BlobRef> layers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            if (form == CacheForm.Index)
            {
                json.WriteString("mediaType", MediaTypes.OciIndex);
                json.WriteStartArray("manifests");
                for (var i = 0; i < layers.Count; i++)
                    WriteLayer(json, layers[i], i);
                WriteDescriptor(json, cacheConfig);
                json.WriteEndArray();
            }
            else
            {
                json.WriteString("mediaType", MediaTypes.OciManifest);
                json.WritePropertyName("config");
                WriteDescriptor(json, cacheConfig);
                json.WriteStartArray("layers");
                for (var i = 0; i < layers.Count; i++)
                    WriteLayer(json, layers[i], i);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        var mediaType = form == CacheForm.Index ? MediaTypes.OciIndex : MediaTypes.OciManifest;
        return new ManifestDocument(mediaType, buffer.ToArray(), cacheConfig, layers);
    }

    private static void WriteRecord(Utf8JsonWriter json, string cacheRef, int layer)
    {
        json.WriteStartObject();
        json.WriteStartArray("layers");
        json.WriteStartObject();
        json.WriteNumber("layer", layer);
        json.WriteString("createdAt", Stamp(layer));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("digest", RecordDigest(cacheRef, layer + 1));
        json.WriteStartArray("inputs");
        json.WriteStartArray();
        json.WriteStartObject();
        json.WriteNumber("link", layer);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLayer(Utf8JsonWriter json, BlobRef layer, int index)
    {
        json.WriteStartObject();
        json.WriteString("mediaType", layer.MediaType);
        json.WriteString("digest", layer.Digest);
        json.WriteNumber("size", layer.Size);
        json.WriteStartObject("annotations");
        json.WriteString("buildkit/createdat", Stamp(index));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDescriptor(Utf8JsonWriter json, BlobRef blob)
    {
        json.WriteStartObject();
        json.WriteString("mediaType", blob.MediaType);
        json.WriteString("digest", blob.Digest);
        json.WriteNumber("size", blob.Size);
        json.WriteEndObject();
    }

    private static string Stamp(int index) =>
        CreatedAt.AddSeconds(index).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Cache keys in BuildKit are digests of the build graph; a hash of ref and position stands in.</summary>
    private static string RecordDigest(string cacheRef, int position) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{cacheRef}#record{position}")));
}

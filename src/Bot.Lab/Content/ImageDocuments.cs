using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bot.Lab.Content;

/// <summary>An OCI image as a build pushes it: a small config and a manifest listing the layers.</summary>
public static class ImageDocuments
{
    /// <summary>Registries and BuildKit write media types with a plain '+', not the default escaped \u002B.</summary>
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Config(IReadOnlyList<BlobRef> layers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("architecture", "amd64");
            json.WriteString("os", "linux");
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            json.WriteStartArray("diff_ids");
            foreach (var layer in layers)
                json.WriteStringValue(layer.Digest);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static ManifestDocument Manifest(BlobRef config, IReadOnlyList<BlobRef> layers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaTypes.OciManifest);
            json.WritePropertyName("config");
            Write(json, config);
            json.WriteStartArray("layers");
            foreach (var layer in layers)
                Write(json, layer);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new ManifestDocument(MediaTypes.OciManifest, buffer.ToArray(), config, layers);
    }

    private static void Write(Utf8JsonWriter json, BlobRef blob)
    {
        json.WriteStartObject();
        json.WriteString("mediaType", blob.MediaType);
        json.WriteString("digest", blob.Digest);
        json.WriteNumber("size", blob.Size);
        json.WriteEndObject();
    }
}

using System.Text.Json;

namespace Bot.Registry.Http;

/// <summary>
/// The first entry of a distribution error body, <c>{"errors":[{"code","message","detail"}]}</c>.
/// <see cref="Detail"/> is kept as compact JSON text because it is a string, an object or absent.
/// </summary>
public sealed record RegistryError(string Code, string Message, string? Detail)
{
    private const int MaxTextLength = 300;

    public static RegistryError? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("errors", out var errors) ||
                errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            {
                return null;
            }

            var first = errors[0];
            if (first.ValueKind != JsonValueKind.Object)
                return null;

            var code = Text(first, "code") ?? "";
            var message = Text(first, "message") ?? "";
            string? detail = null;
            if (first.TryGetProperty("detail", out var d))
                detail = Clip(d.ValueKind == JsonValueKind.String ? d.GetString()! : d.GetRawText());
            return new RegistryError(Clip(code), Clip(message), detail);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>How evidence shows it: <c>MANIFEST_UNKNOWN "manifest unknown"</c>.</summary>
    public override string ToString() =>
        Detail is null or "{}" or "" ? $"{Code} \"{Message}\"" : $"{Code} \"{Message}\" {Detail}";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Clip(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…";
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Bot.Slack.Inbound;

/// <summary>
/// Reads a request body as raw bytes, at most <see cref="MaxBytes"/>, so the signature is checked
/// on exactly what Slack sent and nothing is parsed before it.
/// </summary>
internal static class SlackRequestBody
{
    /// <summary>Slack's payloads are a few kilobytes; anything past 1 MiB is not from Slack.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
            return null;

        using var buffer = new MemoryStream(request.ContentLength is long length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Decodes an <c>application/x-www-form-urlencoded</c> body; the last value wins for a repeated field.
    /// </summary>
    public static Dictionary<string, string> ParseForm(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        var fields = QueryHelpers.ParseNullableQuery(text) ?? new Dictionary<string, StringValues>();
        return fields.ToDictionary(f => f.Key, f => f.Value.Count > 0 ? f.Value[^1] ?? "" : "", StringComparer.Ordinal);
    }
}

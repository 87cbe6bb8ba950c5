using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Bot.Registry.Push;

/// <summary>
/// Writes blobs and manifests to a registry over the OCI distribution API: monolithic uploads
/// (POST, then PUT with the digest) and manifest PUTs. The lab pushes its scenarios with it.
/// The <see cref="HttpClient"/>'s base address is the registry's base URI.
/// </summary>
public sealed class OciPusher(HttpClient http)
{
    public static string DigestOf(ReadOnlySpan<byte> content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public async Task<PushResult> PushBlobAsync(
        string repository, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var digest = DigestOf(content.Span);

        using var start = await http.PostAsync($"v2/{repository}/blobs/uploads/", content: null, cancellationToken);
        if (start.StatusCode != System.Net.HttpStatusCode.Accepted || start.Headers.Location is null)
        {
            var refusal = await start.Content.ReadAsStringAsync(cancellationToken);
            return PushResult.Failed(start.StatusCode, digest, refusal);
        }

        // The Location already carries "?_state=…", so the digest joins with "&".
        var location = start.Headers.Location.ToString();
        var separator = location.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var body = new ReadOnlyMemoryContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var finish = await http.PutAsync($"{location}{separator}digest={digest}", body, cancellationToken);
        return finish.StatusCode == System.Net.HttpStatusCode.Created
            ? PushResult.Ok(finish.StatusCode, digest)
            : PushResult.Failed(finish.StatusCode, digest, await finish.Content.ReadAsStringAsync(cancellationToken));
    }

    public async Task<PushResult> PutManifestAsync(
        string repository,
        string reference,
        string mediaType,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken)
    {
        var digest = DigestOf(content.Span);
        using var body = new ReadOnlyMemoryContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);

        using var response = await http.PutAsync($"v2/{repository}/manifests/{reference}", body, cancellationToken);
        return response.StatusCode == System.Net.HttpStatusCode.Created
            ? PushResult.Ok(response.StatusCode, digest)
            : PushResult.Failed(
                response.StatusCode, digest, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}

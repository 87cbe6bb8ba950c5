using System.Net;
using Bot.Lab.Content;

namespace Bot.Lab.Failures;

/// <summary>Plain distribution API reads, to see the registry as a client does after an induction.</summary>
internal sealed class RegistryProbe(HttpClient http)
{
    public async Task<(HttpStatusCode Status, string? Digest)> HeadManifestAsync(
        string repository, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/manifests/{reference}");
        foreach (var type in MediaTypes.ManifestAccept)
            request.Headers.Accept.ParseAdd(type);

        using var response = await http.SendAsync(request, cancellationToken);
        var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            ? values.FirstOrDefault()
            : null;
        return (response.StatusCode, digest);
    }

    /// <summary>GETs a blob and counts the bytes that actually arrive; a lying cache sends 200 and nothing.</summary>
    public async Task<(HttpStatusCode Status, long Bytes)> GetBlobAsync(
        string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            $"v2/{repository}/blobs/{digest}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return (response.StatusCode, body.LongLength);
        }
        catch (HttpRequestException)
        {
            // The registry promised a Content-Length and closed early: as broken as an empty body.
            return (response.StatusCode, 0);
        }
    }

    public async Task<bool> RefusesConnectionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("v2/", cancellationToken);
            return false;
        }
        catch (HttpRequestException)
        {
            return true;
        }
    }
}

using System.Net;

namespace Bot.Lab.Tests.Support;

/// <summary>Plain distribution API calls with a bare HttpClient, to check the lab from the outside.</summary>
internal sealed class RawRegistry(Uri baseUri) : IDisposable
{
    private static readonly string[] Accept =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<(HttpStatusCode Status, string? Digest, string Body)> GetManifestAsync(
        string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{reference}");
        foreach (var type in Accept)
            request.Headers.Accept.ParseAdd(type);

        using var response = await _http.SendAsync(request);
        var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : null;
        return (response.StatusCode, digest, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, long? ContentLength)> HeadBlobAsync(string repository, string digest)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}");
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentLength);
    }

    public async Task<(HttpStatusCode Status, long Bytes, string Text)> GetBlobAsync(string repository, string digest)
    {
        using var response = await _http.GetAsync(
            $"v2/{repository}/blobs/{digest}", HttpCompletionOption.ResponseHeadersRead);
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync();
        }
        catch (HttpRequestException)
        {
            // Headers promised a length the body never delivered.
            body = [];
        }

        var text = response.IsSuccessStatusCode ? "" : System.Text.Encoding.UTF8.GetString(body);
        return (response.StatusCode, body.LongLength, text);
    }

    public async Task<bool> RefusesConnectionsAsync()
    {
        try
        {
            using var response = await _http.GetAsync("v2/");
            return false;
        }
        catch (HttpRequestException)
        {
            return true;
        }
    }

    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Net.Http.Headers;

namespace Bot.Lab.Failures;

/// <summary>
/// A blob upload in the three requests some clients use (POST, PATCH with the bytes, PUT with the
/// digest), so the lab can let the bytes land first and the commit happen later, under other
/// conditions. <see cref="Bot.Registry.Push.OciPusher"/> does the monolithic upload builds use.
/// </summary>
internal static class ChunkedUpload
{
    /// <returns>The Location to commit to, with the bytes already written to the upload.</returns>
    public static async Task<string> StartAndWriteAsync(
        HttpClient http, string repository, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var start = await http.PostAsync($"v2/{repository}/blobs/uploads/", content: null, cancellationToken);
        var location = Expect(start, HttpStatusCode.Accepted, "POST upload");

        using var body = new ReadOnlyMemoryContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var patch = await http.PatchAsync(location, body, cancellationToken);
        return Expect(patch, HttpStatusCode.Accepted, "PATCH upload");
    }

    public static async Task<(HttpStatusCode Status, string Body)> CommitAsync(
        HttpClient http, string location, string digest, CancellationToken cancellationToken)
    {
        var separator = location.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var empty = new ByteArrayContent([]);
        using var response = await http.PutAsync($"{location}{separator}digest={digest}", empty, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static string Expect(HttpResponseMessage response, HttpStatusCode status, string what) =>
        response.StatusCode == status && response.Headers.Location is { } location
            ? location.ToString()
            : throw new Sessions.LabSetupException(
                $"{what} answered {(int)response.StatusCode}, expected {(int)status}.");
}

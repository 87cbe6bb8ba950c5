using System.Net.Http.Headers;

namespace Bot.GitHub.Api;

/// <summary>
/// Octokit reads a body labelled <c>application/octet-stream</c> as a stream and then hands
/// <c>GetLogs</c> nothing. Log storage is free to label plain text that way, and this client only
/// ever downloads job logs as binary, so such a body is relabelled as text before Octokit sees it.
/// </summary>
internal sealed class BinaryLogAsTextHandler : DelegatingHandler
{
    private static readonly string[] BinaryTypes = ["application/octet-stream", "binary/octet-stream"];

    public BinaryLogAsTextHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && BinaryTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };

        return response;
    }
}

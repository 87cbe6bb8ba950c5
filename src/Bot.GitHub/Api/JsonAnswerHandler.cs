namespace Bot.GitHub.Api;

/// <summary>
/// Octokit deserializes only bodies labelled JSON and reads anything else as "no object": a jobs
/// list served as an HTML page would look like a run without jobs, which is a wrong answer, not
/// a missing one. So a 2xx from the API that is not JSON is refused here. Log downloads are
/// exempt: they are text by nature, usually from storage on another host after a redirect.
/// </summary>
internal sealed class JsonAnswerHandler : DelegatingHandler
{
    private readonly Uri _apiBase;

    public JsonAnswerHandler(Uri apiBase, HttpMessageHandler inner)
        : base(inner) => _apiBase = apiBase;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || !IsJsonCall(request.RequestUri))
            return response;

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && IsJson(mediaType))
            return response;

        var status = (int)response.StatusCode;
        response.Dispose();
        throw new NotJsonAnswerException(mediaType, status);
    }

    private bool IsJsonCall(Uri? uri) =>
        uri is not null
        && _apiBase.IsBaseOf(uri)
        && !uri.AbsolutePath.EndsWith("/logs", StringComparison.Ordinal);

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}

namespace Bot.GitHub.Api;

/// <summary>
/// Sits under Octokit, which reads every body into memory: a response that announces more than
/// the limit is refused before its body is read, and one that does not announce its length is cut
/// off as soon as it passes the limit. This is what keeps a 2 GB job log from costing 2 GB.
/// </summary>
internal sealed class SizeLimitHandler : DelegatingHandler
{
    private readonly long _limit;

    public SizeLimitHandler(long limit, HttpMessageHandler inner)
        : base(inner) => _limit = limit;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentLength is long announced && announced > _limit)
        {
            response.Dispose();
            throw new LogTooLargeException(_limit, announced);
        }

        var original = response.Content;
        var body = await original.ReadAsStreamAsync(cancellationToken);
        var limited = new StreamContent(new SizeLimitedStream(body, _limit));
        foreach (var header in original.Headers)
            limited.Headers.TryAddWithoutValidation(header.Key, header.Value);

        response.Content = limited;
        return response;
    }
}

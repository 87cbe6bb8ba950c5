using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Bot.Slack.Tests.Support;

/// <summary>An <see cref="IHttpClientFactory"/> whose clients answer from a queue and record every request.</summary>
internal sealed class StubHttp : IHttpClientFactory
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _answers = new();

    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    public StubHttp Answer(HttpStatusCode status, string body, string? retryAfter = null,
        string contentType = "application/json")
    {
        _answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8,
                contentType) };
            if (retryAfter is not null)
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            return response;
        });
        return this;
    }

    public HttpClient CreateClient(string name) => new(new Handler(this), disposeHandler: true);

    private sealed class Handler(StubHttp owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (owner.Requests)
                owner.Requests.Add((request, body));
            return owner._answers.TryDequeue(out var answer)
                ? answer()
                : throw new InvalidOperationException("The test scripted no answer for " + request.RequestUri);
        }
    }
}

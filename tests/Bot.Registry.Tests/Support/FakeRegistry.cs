using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Bot.Registry.Tests.Support;

/// <summary>A registry stand-in that replays recorded answers: one function from request to response.</summary>
internal sealed class FakeRegistry(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    : HttpMessageHandler
{
    public FakeRegistry(Func<HttpRequestMessage, HttpResponseMessage> answer)
        : this((request, _) => Task.FromResult(answer(request)))
    {
    }

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public static HttpResponseMessage Answer(
        HttpStatusCode status, string body = "", string? contentType = "application/json; charset=utf-8",
        params (string Name, string Value)[] headers) =>
        Answer(status, Encoding.UTF8.GetBytes(body), contentType, headers);

    public static HttpResponseMessage Answer(
        HttpStatusCode status, byte[] body, string? contentType, params (string Name, string Value)[] headers)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = new HttpResponseMessage(status) { Content = content };
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return answer(request, cancellationToken);
    }
}

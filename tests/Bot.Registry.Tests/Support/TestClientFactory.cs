namespace Bot.Registry.Tests.Support;

/// <summary>Hands out clients over one handler chain, as IHttpClientFactory would over its pooled one.</summary>
internal sealed class TestClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}

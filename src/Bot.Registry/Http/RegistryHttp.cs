using System.Net;
using Bot.Core.Investigations;
using Bot.Registry.Endpoints;

namespace Bot.Registry.Http;

/// <summary>What every request to a registry shares: the named client, request options, how URIs are shown.</summary>
public static class RegistryHttp
{
    /// <summary>The IHttpClientFactory name of the client with the <see cref="Auth.RegistryAuthHandler"/>.</summary>
    public const string ClientName = "Bot.Registry";

    /// <summary>Which configured endpoint a request is for; the auth handler reads its credentials from it.</summary>
    public static readonly HttpRequestOptionsKey<RegistryEndpoint> EndpointKey = new("Bot.Registry.Endpoint");

    /// <summary>Set by the auth handler when it could not authenticate, so the finding can say why.</summary>
    public static readonly HttpRequestOptionsKey<string> AuthNoteKey = new("Bot.Registry.AuthNote");

    public static Uri UriFor(RegistryEndpoint endpoint, string relativePath) =>
        new(endpoint.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + relativePath);

    /// <summary>A URI as evidence shows it: never with user info, never with a query.</summary>
    public static string Show(Uri uri) =>
        uri.GetComponents(
            UriComponents.Scheme | UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.UriEscaped);

    public static HttpRequestMessage NewRequest(HttpMethod method, RegistryEndpoint endpoint, string relativePath)
    {
        var request = new HttpRequestMessage(method, UriFor(endpoint, relativePath));
        request.Options.Set(EndpointKey, endpoint);
        return request;
    }

    /// <summary>
    /// Sorts an exception from sending or reading into a registry problem; null when it is not a
    /// remote failure (a bug, or the caller's own cancellation) and should travel on.
    /// </summary>
    public static RegistryFailure? ClassifyTransport(Exception exception, bool timedOut)
    {
        if (timedOut && exception is OperationCanceledException)
            return new RegistryFailure(RegistryProblems.TimedOut, "no answer within the request timeout");

        return exception switch
        {
            HttpRequestException
            {
                HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
            } e =>
                new RegistryFailure(RegistryProblems.Unreachable, $"connection failed ({e.HttpRequestError})"),
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } =>
                new RegistryFailure(RegistryProblems.Unreachable, "TLS handshake failed"),
            HttpIOException e =>
                new RegistryFailure(RegistryProblems.Garbage, $"the answer broke off ({e.HttpRequestError})"),
            HttpRequestException e =>
                new RegistryFailure(RegistryProblems.Garbage, $"broken HTTP answer ({e.HttpRequestError})"),
            _ => null,
        };
    }

    public static string? DigestHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;

    public static string StatusText(HttpStatusCode status) =>
        ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

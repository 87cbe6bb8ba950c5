using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bot.Registry.Endpoints;
using Bot.Registry.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Registry.Auth;

/// <summary>
/// Answers a registry's 401: Basic with the configured credentials, or the Bearer token dance
/// (fetch a token from the challenge's realm, cache it, retry once). When that fails the 401
/// goes back to the caller with a note in <see cref="RegistryHttp.AuthNoteKey"/>: an auth
/// finding, not an exception. Requests without an endpoint option pass through untouched.
/// </summary>
public sealed class RegistryAuthHandler(RegistryTokenCache cache, ILogger<RegistryAuthHandler> logger)
    : DelegatingHandler
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BasicLifetime = TimeSpan.FromHours(1);
    private const int MaxTokenResponseBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RegistryHttp.EndpointKey, out var endpoint))
            return await base.SendAsync(request, cancellationToken);

        var scope = ScopeOf(request);
        var cached = cache.Find(endpoint.Name, scope);
        if (cached is not null)
            request.Headers.Authorization = cached;

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return response;

        if (cached is not null)
            cache.Forget(endpoint.Name, scope);

        var credential = await AnswerChallengeAsync(request, response, endpoint, scope, cancellationToken);
        if (credential is null)
            return response;

        response.Dispose();
        request.Headers.Authorization = credential.Value.Header;
        var retried = await base.SendAsync(request, cancellationToken);
        if (retried.StatusCode == HttpStatusCode.Unauthorized)
        {
            RegistryLog.CredentialsRefused(logger, endpoint.Name, scope);
            request.Options.Set(RegistryHttp.AuthNoteKey, "the registry refused the credentials it had asked for");
            return retried;
        }

        cache.Store(endpoint.Name, scope, credential.Value.Header, credential.Value.Lifetime);
        return retried;
    }

    private async Task<(AuthenticationHeaderValue Header, TimeSpan Lifetime)?> AnswerChallengeAsync(
        HttpRequestMessage request,
        HttpResponseMessage response,
        RegistryEndpoint endpoint,
        string scope,
        CancellationToken ct)
    {
        var challenges = response.Headers.WwwAuthenticate
            .Select(h => AuthChallenge.TryParse(h.ToString()))
            .OfType<AuthChallenge>()
            .ToList();

        if (challenges.FirstOrDefault(c => c.IsBearer) is { } bearer)
            return await FetchTokenAsync(request, endpoint, bearer, ct);

        if (challenges.Any(c => c.IsBasic))
        {
            if (BasicOf(endpoint) is { } basic)
                return (basic, BasicLifetime);

            const string note = "the registry asks for Basic credentials and none are configured";
            request.Options.Set(RegistryHttp.AuthNoteKey, note);
            return null;
        }

        var schemes = challenges.Count == 0
            ? "no usable challenge"
            : string.Join(", ", challenges.Select(c => c.Scheme));
        request.Options.Set(RegistryHttp.AuthNoteKey, $"unsupported authentication ({schemes})");
        return null;
    }

    private async Task<(AuthenticationHeaderValue Header, TimeSpan Lifetime)?> FetchTokenAsync(
        HttpRequestMessage request, RegistryEndpoint endpoint, AuthChallenge challenge, CancellationToken ct)
    {
        // The realm comes from the registry's answer; only ever follow it over http(s).
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) ||
            (realm.Scheme != Uri.UriSchemeHttp && realm.Scheme != Uri.UriSchemeHttps))
        {
            return Fail(request, endpoint, "the Bearer challenge has no http(s) realm");
        }

        var query = new List<string>();
        if (challenge.Service is { } service)
            query.Add("service=" + Uri.EscapeDataString(service));
        if (challenge.Scope is { } scope)
            query.Add("scope=" + Uri.EscapeDataString(scope));
        var separator = string.IsNullOrEmpty(realm.Query) ? "?" : "&";
        var tokenUri = new Uri(realm + (query.Count == 0 ? "" : separator + string.Join('&', query)));

        var shownRealm = RegistryHttp.Show(realm);
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, tokenUri);
        if (BasicOf(endpoint) is { } basic)
            tokenRequest.Headers.Authorization = basic;

        try
        {
            using var tokenResponse = await base.SendAsync(tokenRequest, ct);
            var status = (int)tokenResponse.StatusCode;
            if (!tokenResponse.IsSuccessStatusCode)
                return Fail(request, endpoint, $"the token realm {shownRealm} answered {status}");

            var body = await ReadCappedAsync(tokenResponse.Content, ct);
            if (body is null || ParseToken(body) is not { } token)
                return Fail(request, endpoint, $"the token realm {shownRealm} answered without a token");

            RegistryLog.TokenIssued(logger, endpoint.Name, challenge.Scope ?? "", (int)token.Lifetime.TotalSeconds);
            return (new AuthenticationHeaderValue("Bearer", token.Value), token.Lifetime);
        }
        catch (HttpRequestException e)
        {
            return Fail(request, endpoint, $"the token realm {shownRealm} could not be reached ({e.HttpRequestError})");
        }
    }

    private (AuthenticationHeaderValue, TimeSpan)? Fail(
        HttpRequestMessage request, RegistryEndpoint endpoint, string reason)
    {
        RegistryLog.TokenRealmFailed(logger, endpoint.Name, reason);
        request.Options.Set(RegistryHttp.AuthNoteKey, reason);
        return null;
    }

    private static (string Value, TimeSpan Lifetime)? ParseToken(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;

            var value = Text(root, "token") ?? Text(root, "access_token");
            if (string.IsNullOrEmpty(value))
                return null;

            var lifetime = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number &&
                           e.TryGetInt32(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultTokenLifetime;

            // Renew a little early so a token does not expire between the cache and the registry.
            var margin = TimeSpan.FromSeconds(Math.Min(10, lifetime.TotalSeconds / 4));
            return (value, lifetime - margin);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxTokenResponseBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static AuthenticationHeaderValue? BasicOf(RegistryEndpoint endpoint) =>
        string.IsNullOrEmpty(endpoint.Username)
            ? null
            : new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{endpoint.Username}:{endpoint.Password}")));

    /// <summary>
    /// The pull scope of a <c>/v2/&lt;name&gt;/(manifests|blobs)/…</c> request, so a token earned
    /// for one repository is sent up front on its next request instead of after another 401.
    /// </summary>
    internal static string ScopeOf(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var start = path.IndexOf("/v2/", StringComparison.Ordinal);
        if (start < 0)
            return "registry";

        var rest = path[(start + 4)..];
        foreach (var marker in new[] { "/manifests/", "/blobs/", "/tags/" })
        {
            var at = rest.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
                return $"repository:{rest[..at]}:pull";
        }

        return "registry";
    }
}

using System.Net;
using System.Text;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Registry.Endpoints;
using Bot.Registry.Manifests;
using Bot.Registry.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Registry.Tests.Auth;

public sealed class RegistryAuthHandlerTests
{
    private const string Challenge =
        """Bearer realm="http://auth.test/token",service="registry.test",scope="repository:app:pull" """;

    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly ImageReference CacheRef =
        ImageReference.TryParse("registry.internal:5000/app:cache", out var r)
            ? r
            : throw new InvalidOperationException();

    [Fact]
    public async Task Inspect_BearerChallenge_FetchesTokenWithBasicCredsAndRetriesOnce()
    {
        var registry = new TokenRegistry("""{"token":"tok-1","expires_in":300}""");
        var harness = new Harness(registry, Harness.FakeBase, username: "bot", password: "s3cret");

        var inspection = await harness.Reader.InspectAsync(harness.Endpoint, CacheRef, default);

        Assert.Equal(ManifestKinds.CacheIndex, inspection.Manifest?.Kind);
        Assert.Equal(1, registry.TokenRequests);
        Assert.Equal("?service=registry.test&scope=repository%3Aapp%3Apull", registry.LastTokenQuery);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:s3cret"));
        Assert.Equal(basic, registry.LastTokenAuthorization);
        Assert.Equal(2, registry.ManifestRequests);
        Assert.DoesNotContain("tok-1", inspection.Answer + inspection.Request);
        Assert.DoesNotContain("s3cret", inspection.Answer + inspection.Request);
    }

    [Fact]
    public async Task Inspect_SecondCallWithinLifetime_ReusesTokenUpFront()
    {
        var time = new FakeTimeProvider(Noon);
        var registry = new TokenRegistry("""{"access_token":"tok-1","expires_in":120}""");
        var harness = new Harness(registry, Harness.FakeBase, time);

        await harness.Reader.InspectAsync(harness.Endpoint, CacheRef, default);
        await harness.Reader.InspectAsync(harness.Endpoint, CacheRef, default);

        Assert.Equal(1, registry.TokenRequests);
        Assert.Equal(3, registry.ManifestRequests);
    }

    [Fact]
    public async Task Inspect_AfterTokenExpiry_FetchesANewToken()
    {
        var time = new FakeTimeProvider(Noon);
        var registry = new TokenRegistry("""{"token":"tok-1"}""");
        var harness = new Harness(registry, Harness.FakeBase, time);

        await harness.Reader.InspectAsync(harness.Endpoint, CacheRef, default);
        time.Advance(TimeSpan.FromSeconds(61));
        var second = await harness.Reader.InspectAsync(harness.Endpoint, CacheRef, default);

        Assert.NotNull(second.Manifest);
        Assert.Equal(2, registry.TokenRequests);
    }

    [Theory]
    [InlineData("""Bearer realm="file:///etc/passwd",service="x" """, "no http(s) realm")]
    [InlineData("""Bearer service="x" """, "no http(s) realm")]
    public async Task Inspect_RealmNotHttp_IsUnauthorizedWithoutFollowingIt(string challenge, string note)
    {
        var registry = new FakeRegistry(request => FakeRegistry.Answer(
            HttpStatusCode.Unauthorized, Recorded.Unauthorized, headers: ("WWW-Authenticate", challenge)));

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.Unauthorized, inspection.Failure?.Problem);
        Assert.Contains(note, inspection.Answer);
        Assert.Single(registry.Requests);
    }

    [Fact]
    public async Task Inspect_RealmRefusesCredentials_IsUnauthorizedNamingTheRealm()
    {
        var registry = new TokenRegistry(tokenBody: null);

        var inspection = await new Harness(registry, Harness.FakeBase, username: "bot", password: "wrong")
            .Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.Unauthorized, inspection.Failure?.Problem);
        Assert.Contains("token realm http://auth.test/token answered 401", inspection.Answer);
        Assert.DoesNotContain("wrong", inspection.Answer);
    }

    [Fact]
    public async Task Inspect_RealmAnswersWithoutToken_IsUnauthorized()
    {
        var registry = new TokenRegistry("""{"nothing":"here"}""");

        var harness = Harness.Over(new FakeRegistry(registry.Answer));

        var inspection = await harness.Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.Unauthorized, inspection.Failure?.Problem);
        Assert.Contains("without a token", inspection.Answer);
    }

    [Fact]
    public async Task Inspect_BasicChallengeWithCredentials_RetriesWithBasic()
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:pw"));
        var body = Recorded.Manifest("cache-index.json");
        var registry = new FakeRegistry(request => request.Headers.Authorization?.ToString() == expected
            ? FakeRegistry.Answer(HttpStatusCode.OK, body, MediaTypes.OciIndex)
            : FakeRegistry.Answer(
                HttpStatusCode.Unauthorized,
                Recorded.Unauthorized,
                headers: ("WWW-Authenticate", "Basic realm=\"r\"")));
        var harness = new Harness(registry, Harness.FakeBase, username: "bot", password: "pw");

        var inspection = await harness.Reader.InspectAsync(harness.Endpoint, CacheRef, default);

        Assert.NotNull(inspection.Manifest);
    }

    [Fact]
    public async Task Inspect_BasicChallengeWithoutCredentials_IsUnauthorizedSayingSo()
    {
        var registry = new FakeRegistry(_ => FakeRegistry.Answer(
            HttpStatusCode.Unauthorized, Recorded.Unauthorized, headers: ("WWW-Authenticate", "Basic realm=\"r\"")));

        var inspection = await Harness.Over(registry).Reader.InspectAsync(Endpoint(), CacheRef, default);

        Assert.Equal(RegistryProblems.Unauthorized, inspection.Failure?.Problem);
        Assert.Contains("none are configured", inspection.Answer);
    }

    private static RegistryEndpoint Endpoint() => new() { Name = Harness.RegistryName, BaseUri = Harness.FakeBase };

    /// <summary>A registry that wants a Bearer token and the token service that issues it ("tok-1").</summary>
    private sealed class TokenRegistry(string? tokenBody) : HttpMessageHandler
    {
        private readonly byte[] _manifest = Recorded.Manifest("cache-index.json");

        public int TokenRequests { get; private set; }

        public int ManifestRequests { get; private set; }

        public string? LastTokenQuery { get; private set; }

        public string? LastTokenAuthorization { get; private set; }

        public HttpResponseMessage Answer(HttpRequestMessage request)
        {
            if (request.RequestUri!.Host == "auth.test")
            {
                TokenRequests++;
                LastTokenQuery = request.RequestUri.Query;
                LastTokenAuthorization = request.Headers.Authorization?.ToString();
                return tokenBody is null
                    ? FakeRegistry.Answer(HttpStatusCode.Unauthorized, "{}")
                    : FakeRegistry.Answer(HttpStatusCode.OK, tokenBody);
            }

            ManifestRequests++;
            return request.Headers.Authorization?.ToString() == "Bearer tok-1"
                ? FakeRegistry.Answer(HttpStatusCode.OK, _manifest, MediaTypes.OciIndex)
                : FakeRegistry.Answer(
                    HttpStatusCode.Unauthorized, Recorded.Unauthorized, headers: ("WWW-Authenticate", Challenge));
        }

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Answer(request));
    }
}

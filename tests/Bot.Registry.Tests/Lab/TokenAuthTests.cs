using System.Net;
using Bot.Core.Investigations;
using Bot.Registry.Tests.Support;

namespace Bot.Registry.Tests.Lab;

/// <summary>The Bearer challenge as distribution 2.8 really sends it, answered by a token server in the test.</summary>
public sealed class TokenAuthTests(TokenAuthFixture auth) : IClassFixture<TokenAuthFixture>
{
    [Fact]
    public async Task Registry_WithoutToken_ChallengesWithBearer()
    {
        using var http = new HttpClient { BaseAddress = auth.BaseUri };

        using var response = await http.GetAsync($"v2/{auth.Cache.Repository}/manifests/{auth.Cache.Tag}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Walk_GoodCredentials_FollowsChallengeAndChecksEveryBlob()
    {
        var harness = new Harness(
            new SocketsHttpHandler(),
            auth.BaseUri,
            username: TokenAuthFixture.Username,
            password: TokenAuthFixture.Password);

        var manifest = await harness.ManifestStep.RunAsync(new Clues { ImageRef = auth.Cache.Ref }, default);
        var blobs = await harness.BlobStep.RunAsync(manifest.Clues, default);

        var answer = manifest.Evidence.Count > 0 ? manifest.Evidence[0].Answer : "";
        Assert.True(manifest.Status == StepStatus.Fine, $"{manifest.Finding.Code}: {answer}\n{auth.RegistryLog}");
        Assert.Equal(auth.Cache.ManifestDigest, manifest.Clues.ManifestDigest);
        Assert.Equal(StepStatus.Fine, blobs.Status);
        Assert.True(auth.Tokens.TokensIssued >= 1);
    }

    [Fact]
    public async Task Walk_WrongPassword_IsUnauthorizedFindingWithoutSecrets()
    {
        var harness = new Harness(
            new SocketsHttpHandler(), auth.BaseUri, username: TokenAuthFixture.Username, password: "not-the-password");

        var manifest = await harness.ManifestStep.RunAsync(new Clues { ImageRef = auth.Cache.Ref }, default);

        Assert.Equal(StepStatus.CouldNotCheck, manifest.Status);
        Assert.Equal(RegistryProblems.Unauthorized, manifest.Clues.RegistryProblem);
        Assert.Contains("answered 401", manifest.Evidence[0].Answer);
        Assert.DoesNotContain("not-the-password", manifest.Evidence[0].Answer + manifest.Evidence[0].Request);
    }
}

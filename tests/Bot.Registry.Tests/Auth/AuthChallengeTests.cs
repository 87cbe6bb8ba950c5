using Bot.Registry.Auth;

namespace Bot.Registry.Tests.Auth;

public sealed class AuthChallengeTests
{
    [Fact]
    public void TryParse_BearerWithCommaInScope_KeepsTheWholeScope()
    {
        var challenge = AuthChallenge.TryParse(
            """Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:app:pull,push" """);

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example.com/token", challenge.Realm);
        Assert.Equal("registry.example.com", challenge.Service);
        Assert.Equal("repository:app:pull,push", challenge.Scope);
    }

    [Fact]
    public void TryParse_EscapedQuoteAndSpacesAroundEquals_AreUnderstood()
    {
        var challenge = AuthChallenge.TryParse(
            """bearer  realm = "http://a/t?x=1" , service="say \"hi\"", error=invalid_token""");

        Assert.NotNull(challenge);
        Assert.True(challenge.IsBearer);
        Assert.Equal("http://a/t?x=1", challenge.Realm);
        Assert.Equal("say \"hi\"", challenge.Service);
        Assert.Equal("invalid_token", challenge.Parameter("error"));
        Assert.Null(challenge.Scope);
    }

    [Fact]
    public void TryParse_MultipleScopesSeparatedBySpace_StayOneValue()
    {
        var challenge = AuthChallenge.TryParse(
            """Bearer realm="r",scope="repository:a:pull repository:b:pull,push" """);

        Assert.Equal("repository:a:pull repository:b:pull,push", challenge?.Scope);
    }

    [Fact]
    public void TryParse_Basic_IsBasicWithRealm()
    {
        var challenge = AuthChallenge.TryParse("""Basic realm="Registry Realm" """);

        Assert.True(challenge?.IsBasic);
        Assert.Equal("Registry Realm", challenge?.Realm);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("realm=\"x\"")]
    [InlineData("Bearer realm=\"unterminated")]
    [InlineData("Bearer =value")]
    [InlineData("Bearer realm")]
    public void TryParse_Malformed_IsNull(string? header)
    {
        Assert.Null(AuthChallenge.TryParse(header));
    }
}

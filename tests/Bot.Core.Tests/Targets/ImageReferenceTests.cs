using Bot.Core.Targets;

namespace Bot.Core.Tests.Targets;

public class ImageReferenceTests
{
    [Theory]
    [InlineData("registry.internal:5000/app:cache", "registry.internal:5000", "app", "cache", null)]
    [InlineData("127.0.0.1:5000/team/app:cache", "127.0.0.1:5000", "team/app", "cache", null)]
    [InlineData("localhost/app", "localhost", "app", null, null)]
    [InlineData(
        "ghcr.io/acme/app@sha256:a8f2b7c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3",
        "ghcr.io", "acme/app", null, "sha256:a8f2b7c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3")]
    public void TryParse_ValidReference_SplitsIt(
        string text, string registry, string repository, string? tag, string? digest)
    {
        Assert.True(ImageReference.TryParse(text, out var reference));

        Assert.Equal(new ImageReference(registry, repository, tag, digest), reference);
    }

    [Theory]
    [InlineData("")]
    [InlineData("app:cache")]
    [InlineData("library/app:cache")]
    [InlineData("registry.internal:5000/App:cache")]
    [InlineData("registry.internal:5000/app:ca che")]
    [InlineData("registry.internal:5000/app@sha256:short")]
    [InlineData("registry.internal:5000/app:cache; rm -rf /")]
    public void TryParse_NotAReference_IsRefused(string text)
    {
        Assert.False(ImageReference.TryParse(text, out _));
    }

    [Fact]
    public void ToString_TagReference_RoundTrips()
    {
        Assert.True(ImageReference.TryParse("registry.internal:5000/app:cache", out var reference));

        Assert.Equal("registry.internal:5000/app:cache", reference.ToString());
    }
}

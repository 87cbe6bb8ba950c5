using System.Diagnostics.CodeAnalysis;
using Bot.Core.Targets;
using Bot.Core.Triage;

namespace Bot.Core.Tests.Targets;

public class TargetParserTests
{
    private readonly TargetParser _parser = new(new OnlyRunOne(), new OnlyInternalRegistry());

    [Fact]
    public void TryParse_ImageReference_IsAnImageTarget()
    {
        Assert.True(_parser.TryParse("  registry.internal:5000/app:cache ", out var target, out _));

        Assert.Equal("registry.internal:5000", target.ImageRef!.Registry);
        Assert.Null(target.RunLink);
    }

    [Fact]
    public void TryParse_Link_GoesToTheRunLinkParser()
    {
        Assert.True(_parser.TryParse("https://github.com/acme/app/actions/runs/1", out var target, out _));

        Assert.Equal(1, target.RunLink!.RunId);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("hello world", "not-a-link-or-reference")]
    [InlineData("https://evil.example/acme/app/actions/runs/1", "host-not-allowed")]
    [InlineData("ghcr.io/acme/app:cache", "registry-not-allowed")]
    [InlineData("REGISTRY.internal:5001/app:cache", "registry-not-allowed")]
    public void TryParse_BadInput_GivesTheRejectionCode(string input, string expected)
    {
        Assert.False(_parser.TryParse(input, out _, out var rejection));

        Assert.Equal(expected, rejection);
    }

    [Fact]
    public void TryParse_HugeInput_IsTooLong()
    {
        Assert.False(_parser.TryParse(new string('a', TargetParser.MaxInputLength + 1), out _, out var rejection));

        Assert.Equal("too-long", rejection);
    }

    private sealed class OnlyRunOne : IRunLinkParser
    {
        public bool TryParse(
            string input, [NotNullWhen(true)] out RunLink? link, [NotNullWhen(false)] out string? rejection)
        {
            link = input == "https://github.com/acme/app/actions/runs/1"
                ? new RunLink(new Uri(input), "acme", "app", 1, null)
                : null;
            rejection = link is null ? "host-not-allowed" : null;
            return link is not null;
        }
    }

    private sealed class OnlyInternalRegistry : IRegistryAllowlist
    {
        public bool Allows(string registry) => registry == "registry.internal:5000";
    }
}

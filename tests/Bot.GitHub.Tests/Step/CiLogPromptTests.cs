using Bot.Core.Prompts;
using Bot.GitHub.Step;
using Bot.GitHub.Tests.Support;

namespace Bot.GitHub.Tests.Step;

public sealed class CiLogPromptTests
{
    private static readonly Dictionary<string, string> Facts = new()
    {
        ["job"] = "build", ["jobId"] = "42", ["ref"] = "registry.internal:5000/app:cache",
        ["digest"] = "sha256:" + new string('a', 64), ["vertex"] = "[build 3/5] RUN npm ci", ["line"] = "#9 ERROR: x",
        ["fatal"] = "true", ["repo"] = "acme/app", ["run"] = "1", ["reason"] = "HTTP 404",
    };

    private static bool Owned(string key) => key.StartsWith("findings/ci-log.", StringComparison.Ordinal);

    [Fact]
    public void Load_CiLogTemplates_MatchTheStepsFindingCodesExactly()
    {
        var keys = CiLogFindings.All.Select(PromptKeys.Finding);

        var catalog = PromptCatalog.Load(TestFiles.Prompts, keys, Owned);

        Assert.All(CiLogFindings.All, code =>
            Assert.False(string.IsNullOrWhiteSpace(catalog.Render(PromptKeys.Finding(code), Facts))));
    }

    [Fact]
    public void Render_BlobNotFound_NamesTheRefAndTheBlob()
    {
        var catalog = PromptCatalog.Load(TestFiles.Prompts, CiLogFindings.All.Select(PromptKeys.Finding), Owned);

        var text = catalog.Render(PromptKeys.Finding("ci-log.cache-blob-not-found"), Facts);

        Assert.Contains("registry.internal:5000/app:cache", text, StringComparison.Ordinal);
        Assert.Contains(Facts["digest"], text, StringComparison.Ordinal);
    }
}

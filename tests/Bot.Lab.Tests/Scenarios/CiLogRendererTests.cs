using Bot.Lab.Scenarios;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Scenarios;

public sealed class CiLogRendererTests
{
    private const string Yaml = """
        name: tiny
        story: A tiny scenario.
        registry:
          name: registry.internal:5000
          volume: 16Mi
        failure:
          kind: none
        ci:
          owner: acme
          repository: app
          runId: 7
          jobs:
            - name: build
              conclusion: failure
              log: "2026-03-20T09:14:01.0000000Z pulling {{ cache.ref }}@{{ cache.digest }}"
        """;

    [Fact]
    public void Render_KnownFacts_FillsTheLog()
    {
        var scenario = ScenarioFiles.FromText(Yaml);
        var facts = new Dictionary<string, object?>
        {
            ["cache"] = new Dictionary<string, object?>
            {
                ["ref"] = "registry.internal:5000/app:cache",
                ["digest"] = "sha256:abc",
            },
        };

        var run = CiLogRenderer.Render(scenario, facts);

        Assert.Equal(
            "2026-03-20T09:14:01.0000000Z pulling registry.internal:5000/app:cache@sha256:abc", run.Jobs[0].Log);
        Assert.Equal(701, run.Jobs[0].Id);
    }

    [Fact]
    public void Render_UnknownVariable_NamesJobAndLine()
    {
        var scenario = ScenarioFiles.FromText(Yaml);

        var noFacts = new Dictionary<string, object?>();

        var error = Assert.Throws<ScenarioException>(() => CiLogRenderer.Render(scenario, noFacts));

        Assert.Contains("test.yaml:15:", error.Message, StringComparison.Ordinal);
        Assert.Contains("job 'build'", error.Message, StringComparison.Ordinal);
    }
}

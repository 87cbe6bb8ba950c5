using Bot.Core.Investigations;
using Bot.Core.Tests.Support;

namespace Bot.Core.Tests.Investigations;

public class LifecycleGraphTests
{
    /// <summary>
    /// The state diagram in the docs is generated from the machine itself. When the machine
    /// changes, this fails until docs/investigation-states.md carries the new graph.
    /// </summary>
    [Fact]
    public void LifecycleAsMermaid_MatchesTheDiagramInTheDocs()
    {
        var path = RepositoryFiles.PathOf("docs", "investigation-states.md");
        var doc = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";

        var block = "```mermaid\n" + Investigation.LifecycleAsMermaid().ReplaceLineEndings("\n").Trim() + "\n```";

        Assert.True(doc.Contains(block, StringComparison.Ordinal), $"Put this block into {path}:\n{block}");
    }
}

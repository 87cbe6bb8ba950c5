using Bot.Core.Investigations;

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
        var path = Path.Combine(RepositoryRoot(), "docs", "investigation-states.md");
        var doc = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";

        var block = "```mermaid\n" + Investigation.LifecycleAsMermaid().ReplaceLineEndings("\n").Trim() + "\n```";

        Assert.True(doc.Contains(block, StringComparison.Ordinal), $"Put this block into {path}:\n{block}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Bot.sln not found above the test binaries.");
    }
}

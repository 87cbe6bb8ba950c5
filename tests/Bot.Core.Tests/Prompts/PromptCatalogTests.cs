using Bot.Core.Prompts;

namespace Bot.Core.Tests.Prompts;

public sealed class PromptCatalogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prompts-").FullName;

    [Fact]
    public void Render_TemplateWithFacts_FillsThemIn()
    {
        Write("findings/blobs.missing", "Blob {{ digest }} is {{ condition }}.");
        var catalog = PromptCatalog.Load(_directory, ["findings/blobs.missing"]);

        var facts = new Dictionary<string, string> { ["digest"] = "sha256:ab", ["condition"] = "empty" };
        var text = catalog.Render("findings/blobs.missing", facts);

        Assert.Equal("Blob sha256:ab is empty.", text);
    }

    [Fact]
    public void Load_RequiredKeyWithoutTemplate_NamesIt()
    {
        Write("steps/ci-log", "CI log");

        var error = Assert.Throws<PromptCatalogException>(
            () => PromptCatalog.Load(_directory, ["steps/ci-log", "steps/gc"]));

        Assert.Contains("steps/gc: missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemplateNoCodeUses_NamesIt()
    {
        Write("steps/ci-log", "CI log");
        Write("steps/retired", "old");

        var error = Assert.Throws<PromptCatalogException>(() => PromptCatalog.Load(_directory, ["steps/ci-log"]));

        Assert.Contains("steps/retired: not used by the bot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemplateThatDoesNotParse_NamesIt()
    {
        Write("steps/ci-log", "{% if %}");

        var error = Assert.Throws<PromptCatalogException>(() => PromptCatalog.Load(_directory, ["steps/ci-log"]));

        Assert.Contains("steps/ci-log:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FolderMissing_SaysSo()
    {
        var error = Assert.Throws<PromptCatalogException>(
            () => PromptCatalog.Load(Path.Combine(_directory, "nope"), []));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string key, string text)
    {
        var path = Path.Combine(_directory, key + ".liquid");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

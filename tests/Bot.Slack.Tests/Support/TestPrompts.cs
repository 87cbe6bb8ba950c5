using Bot.Core.Prompts;

namespace Bot.Slack.Tests.Support;

/// <summary>
/// The repo's real prompts, plus templates for the finding codes the test-only fake steps produce,
/// loaded with the core's and the adapter's keys: the same validation the host does at start-up.
/// </summary>
internal static class TestPrompts
{
    private static readonly Lazy<PromptCatalog> Shared = new(Load);

    public static PromptCatalog Catalog => Shared.Value;

    public static SlackPrompts Slack => new(Catalog);

    private static PromptCatalog Load()
    {
        // Beside the test assembly, rebuilt on every run, so nothing piles up in the temp folder.
        var folder = Path.Combine(AppContext.BaseDirectory, "prompts-with-fake-steps");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "prompts"), folder);
        foreach (var (code, text) in FakeSteps.FindingTemplates)
            File.WriteAllText(Path.Combine(folder, "findings", code + ".liquid"), text);

        var keys = PromptKeys.Core()
            .Concat(SlackPrompts.Keys)
            .Concat(FakeSteps.FindingTemplates.Keys.Select(PromptKeys.Finding));
        // Only the adapter's own templates (and the fake steps') must all be used here; the host
        // checks the whole folder against everything it wires.
        return PromptCatalog.Load(folder, keys, key => key.StartsWith("slack/", StringComparison.Ordinal)
            || FakeSteps.FindingTemplates.ContainsKey(key.Replace("findings/", "", StringComparison.Ordinal)));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Slack.Tests.Support;

/// <summary>Reads the repo's Slack fixtures (copied next to the test assembly).</summary>
internal static class Fixture
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures", "slack");

    public static string Text(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    public static JsonNode Json(string relativePath) => JsonNode.Parse(Text(relativePath))!;

    public static JsonElement Element(string relativePath) =>
        JsonDocument.Parse(Text(relativePath)).RootElement.Clone();

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(f => f != "README.md")
            .Order();
}

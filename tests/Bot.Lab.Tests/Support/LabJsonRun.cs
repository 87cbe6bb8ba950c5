using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Lab.Cli;
using Bot.Lab.Sessions;

namespace Bot.Lab.Tests.Support;

/// <summary>
/// <c>bot-lab run &lt;scenario&gt; --json</c> in-process, as a user would run it: a real lab session
/// (registry, tmpfs, cluster simulator), the bot's whole walk, and its JSON report parsed.
/// </summary>
internal sealed partial class LabJsonRun : IDisposable
{
    private LabJsonRun(int exitCode, JsonDocument report, string error)
    {
        ExitCode = exitCode;
        Report = report;
        Error = error;
    }

    public int ExitCode { get; }

    public JsonDocument Report { get; }

    public string Error { get; }

    public JsonElement RootCause => Report.RootElement.GetProperty("rootCause");

    public string RootCauseCode => RootCause.GetProperty("code").GetString()!;

    public IReadOnlyList<string> FixKinds =>
        [.. Report.RootElement.GetProperty("fixes").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!)];

    /// <summary>The rendered preconditions of the offered fix of this kind.</summary>
    public IReadOnlyList<string> Preconditions(string kind) =>
        [.. Report.RootElement.GetProperty("fixes").EnumerateArray()
            .Single(f => f.GetProperty("kind").GetString() == kind)
            .GetProperty("preconditions").EnumerateArray().Select(p => p.GetString()!)];

    public IReadOnlyList<string> Warnings =>
        [.. Report.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];

    /// <summary>Each link of the root cause's chain: the step it stands on and what it says.</summary>
    public IReadOnlyList<(string Step, string Summary)> Chain =>
        RootCause.TryGetProperty("chain", out var chain)
            ? [.. chain.EnumerateArray().Select(l => (Text(l, "step"), Text(l, "summary")))]
            : [];

    public IReadOnlyList<(string Name, string Status, string Summary)> Steps =>
        [.. Report.RootElement.GetProperty("steps").EnumerateArray()
            .Select(s => (Text(s, "name"), Text(s, "status"), Text(s, "summary")))];

    public static async Task<LabJsonRun> StartAsync(string scenarioFile)
    {
        var root = Path.Combine(SessionFixture.TestRoot, $"json-{Guid.NewGuid():N}");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LabCommandLine.RunAsync(
            ["run", ScenarioFiles.PathOf(scenarioFile), "--json"], TextReader.Null, output, error,
            CancellationToken.None, new LabSessionOptions { RootDirectory = root });

        Assert.True(code == LabCommandLine.Ok, $"exit {code}: {error}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        Directory.Delete(root);
        return new LabJsonRun(code, JsonDocument.Parse(output.ToString()), error.ToString());
    }

    /// <summary>
    /// The JSON report renders a warning as text only; it is recognised by the longest fixed
    /// sentence of its template in prompts/warnings, so a test names the warning by its code.
    /// </summary>
    public bool HasWarning(string code)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "prompts", "warnings", code + ".liquid");
        var template = File.ReadAllText(path);
        var fixedText = LiquidTag().Split(template).Select(t => t.Trim()).MaxBy(t => t.Length)!;
        return Warnings.Any(w => w.Contains(fixedText, StringComparison.Ordinal));
    }

    public void Dispose() => Report.Dispose();

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex LiquidTag();
}

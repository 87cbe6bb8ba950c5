using Bot.Lab.Cli;
using Bot.Lab.Sessions;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Cli;

public sealed class LabCommandLineTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task RunAsync_BadUsage_PrintsUsageAndExits2()
    {
        var code = await RunAsync("frobnicate");

        Assert.Equal(LabCommandLine.Usage, code);
        Assert.Contains("usage: bot-lab run <scenario-file>", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingScenarioFile_Exits2NamingIt()
    {
        var code = await RunAsync("run", "no/such/scenario.yaml");

        Assert.Equal(LabCommandLine.Usage, code);
        Assert.Contains("no/such/scenario.yaml: no such scenario file", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnusableScenario_Exits2WithTheParserMessage()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "name: bad\nstory: x\nregistry: {name: r, volume: 16Mi, colour: red}\n");
        try
        {
            var code = await RunAsync("run", file);

            Assert.Equal(LabCommandLine.Usage, code);
            Assert.Contains("'registry.colour' is not a known key", _error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RunAsync_RunJson_PrintsTheBotsReportAndCleansUp()
    {
        var root = Path.Combine(SessionFixture.TestRoot, $"cli-{Guid.NewGuid():N}");
        var options = new LabSessionOptions { RootDirectory = root };

        var code = await RunAsync(options, "run", ScenarioFiles.PathOf("registry-down.yaml"), "--json");

        var json = _output.ToString();
        Assert.Equal(LabCommandLine.Ok, code);
        using var report = System.Text.Json.JsonDocument.Parse(json);
        var rootCause = report.RootElement.GetProperty("rootCause");
        Assert.Equal("registry-unreachable", rootCause.GetProperty("code").GetString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        Directory.Delete(root);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileStarting_Exits130AndCleansUp()
    {
        var root = Path.Combine(SessionFixture.TestRoot, $"cancel-{Guid.NewGuid():N}");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));

        var code = await LabCommandLine.RunAsync(
            ["run", ScenarioFiles.PathOf("seed.yaml")], TextReader.Null, _output, _error, cancellation.Token,
            new LabSessionOptions { RootDirectory = root });

        Assert.Equal(LabCommandLine.Cancelled, code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        Assert.DoesNotContain(root, File.ReadAllText("/proc/mounts"), StringComparison.Ordinal);
        Directory.Delete(root);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task RunAsync_ChatOnTheSeed_PersonTypesTheLinkAndSeesTheWholeWalk()
    {
        var root = Path.Combine(SessionFixture.TestRoot, $"chat-{Guid.NewGuid():N}");
        var ci = ScenarioFiles.Load("seed.yaml").Ci;
        var link = LabCommandLine.PublicRunLink(ci.Owner, ci.Repository, ci.RunId);
        using var typed = new StringReader($"/triage {link}\n/quit\n");

        var code = await LabCommandLine.RunAsync(
            ["chat", ScenarioFiles.PathOf("seed.yaml")], typed, _output, _error, CancellationToken.None,
            new LabSessionOptions { RootDirectory = root });

        var said = _output.ToString();
        Assert.Equal(LabCommandLine.Ok, code);
        Assert.Contains($"Run link  {link}", said, StringComparison.Ordinal);
        string[] steps = ["CI log", "Cache manifest", "Referenced blobs", "Registry volume", "Garbage collection"];
        foreach (var step in steps)
            Assert.Contains($"{step}: ", said, StringComparison.Ordinal);
        Assert.Contains("Root cause (volume-full-corrupted-cache)", said, StringComparison.Ordinal);
        AssertChainWithEvidence(said);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
        Directory.Delete(root);
    }

    /// <summary>
    /// After the root cause: each link of the chain ("      ← … (step)"), and under it the request it
    /// rests on with the salient part of the answer ("          request → answer").
    /// </summary>
    private static void AssertChainWithEvidence(string said)
    {
        var lines = said.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(
            l => l.Contains("Root cause (volume-full-corrupted-cache)", StringComparison.Ordinal));
        var chain = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).ToList();
        var links = chain.Where(l => l.StartsWith("      ← ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["(ci-log)", "(blobs)", "(volume)", "(gc)"], links.Select(l => l[l.LastIndexOf('(')..]));

        var evidence = new Dictionary<string, List<string>>();
        var current = "";
        foreach (var line in chain)
        {
            if (line.StartsWith("      ← ", StringComparison.Ordinal))
                evidence[current = line[(line.LastIndexOf('(') + 1)..^1]] = [];
            else
                evidence[current].Add(line);
        }

        Assert.All(
            evidence.Values,
            under => Assert.InRange(under.Count(l => l.Contains(" → ", StringComparison.Ordinal)), 1, 2));
        Assert.All(
            evidence.Values.SelectMany(l => l),
            l => Assert.StartsWith("          ", l, StringComparison.Ordinal));
        Assert.Contains(
            evidence["ci-log"],
            l => l.Contains("GET /repos/acme/app/actions/jobs/", StringComparison.Ordinal)
                && l.Contains("ERROR", StringComparison.Ordinal));
        Assert.Contains(
            evidence["blobs"],
            l => l.Contains("/v2/app/blobs/sha256:", StringComparison.Ordinal)
                && l.Contains("→ 500", StringComparison.Ordinal));
        Assert.Contains(evidence["volume"], l => l.Contains("df -P /storage", StringComparison.Ordinal));
        Assert.Contains(evidence["volume"], l => l.Contains("% /storage", StringComparison.Ordinal));
        Assert.Contains(evidence["volume"], l => l.Contains("--since=72h → no-space:", StringComparison.Ordinal));
        Assert.Contains(
            evidence["gc"],
            l => l.Contains("CronJob harbor-gc", StringComparison.Ordinal)
                && l.Contains("failed-no-space", StringComparison.Ordinal));
        Assert.All(evidence.Values, under => Assert.InRange(under.Count, 1, 6));
    }

    private Task<int> RunAsync(params string[] args) => RunAsync(null, args);

    private Task<int> RunAsync(LabSessionOptions? options, params string[] args) =>
        LabCommandLine.RunAsync(args, TextReader.Null, _output, _error, CancellationToken.None, options);
}

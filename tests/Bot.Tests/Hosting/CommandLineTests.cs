using Bot.Core.Triage;
using Bot.Lab.Hosting;
using Bot.Storage;
using Bot.Storage.Sqlite;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Hosting;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-cli-").FullName;

    private string DatabasePath => Path.Combine(_directory, "triage.db");

    private Dictionary<string, string?> Config => new() { ["Storage:SqlitePath"] = DatabasePath };

    [Theory]
    [InlineData]
    [InlineData("frob")]
    [InlineData("triage")]
    [InlineData("triage", "a", "b")]
    [InlineData("chat", "--json")]
    [InlineData("triage", "x", "--yaml")]
    public async Task RunAsync_BadUsage_ExitsTwoWithTheUsage(params string[] args)
    {
        var run = await BotRun.RunAsync(Config, "", args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadTargets { get; } = new()
    {
        { "hello world", "is neither" },
        { "https://evil.example/acme/app/actions/runs/1", "links to that host are not on the allowlist" },
        { "https://github.com/acme/app/pulls/1", "not a GitHub Actions run link" },
        { "https://github.com/other/app/actions/runs/1", "that repository is not on the allowlist" },
        { "unknown.registry:5000/app:cache", "not set up to contact" },
        { "registry.internal:5000/" + new string('a', TargetParser.MaxInputLength), "too long" },
        { "https://github.com/acme/app/actions/runs/" + new string('1', TargetParser.MaxInputLength), "too long" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task Triage_BadTarget_ExitsTwoAndStoresNothing(string target, string expected)
    {
        var run = await BotRun.RunAsync(ConfigWithRegistry(UnusedPort()), "", "triage", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await Store().CountInvestigationsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Triage_GoodTargetOnADownRegistry_ExitsZeroAndStoresOneInvestigation()
    {
        // The counterpart of the refusals: the same count sees an investigation once one opens.
        var config = ConfigWithRegistry(UnusedPort());

        var run = await BotRun.RunAsync(config, "", "triage", "registry.internal:5000/app:cache");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, await Store().CountInvestigationsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Triage_BadConfiguration_ExitsTwoNamingTheProblem()
    {
        var config = Config;
        config["Registry:Registries:0:Name"] = "registry.internal:5000";
        config["Registry:Registries:0:BaseUri"] = "ftp://nowhere";

        var run = await BotRun.RunAsync(config, "", "triage", "registry.internal:5000/app:cache");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot start", run.Error, StringComparison.Ordinal);
        Assert.Contains("BaseUri", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_PromptFolderMissing_ExitsTwoNamingIt()
    {
        var config = Config;
        config["Prompts:Directory"] = Path.Combine(_directory, "no-prompts");

        var run = await BotRun.RunAsync(config, "", "triage", "registry.internal:5000/app:cache");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-prompts", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_HelpThenGibberishThenEndOfInput_AnswersEachAndSaysBye()
    {
        var run = await BotRun.RunAsync(Config, "/help\n/frob\n/triage nonsense here\n", "chat");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("/triage <link-or-ref>", run.Output, StringComparison.Ordinal);
        Assert.Contains("I don't know /frob", run.Output, StringComparison.Ordinal);
        Assert.Contains("I can't triage that", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("Bye." + Environment.NewLine, run.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> ConfigWithRegistry(Uri registry)
    {
        var config = Config;
        config["Registry:Registries:0:Name"] = "registry.internal:5000";
        config["Registry:Registries:0:BaseUri"] = registry.ToString();
        config["GitHub:AllowedRepositories:0"] = "acme/app";
        return config;
    }

    private SqliteInvestigationStore Store() =>
        new(Options.Create(new StorageOptions { SqlitePath = DatabasePath }));

    private static Uri UnusedPort() => new($"http://127.0.0.1:{FreePort.Next()}/");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

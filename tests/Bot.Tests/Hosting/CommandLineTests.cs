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

    [Theory]
    [InlineData("hello world", "is neither")]
    [InlineData("https://evil.example/acme/app/actions/runs/1", "not on the allowlist")]
    [InlineData("https://github.com/acme/app/pulls/1", "not a GitHub Actions run link")]
    [InlineData("unknown.registry:5000/app:cache", "not set up to contact")]
    public async Task Triage_BadTarget_ExitsTwoAndStoresNothing(string target, string expected)
    {
        var run = await BotRun.RunAsync(Config, "", "triage", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        var store = new SqliteInvestigationStore(Options.Create(new StorageOptions { SqlitePath = DatabasePath }));
        Assert.Empty(await store.ListUnfinishedAsync(CancellationToken.None));
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

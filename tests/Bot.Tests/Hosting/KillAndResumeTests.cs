using System.Text;
using System.Text.Json;
using Bot.Core.Investigations;
using Bot.Lab.Registry;
using Bot.Registry.Push;
using Bot.Storage;
using Bot.Storage.Sqlite;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Hosting;

/// <summary>
/// The durability promise, tested the hard way: a real bot process is killed while it waits on a
/// hung registry, and a second process finishes the same investigation against the real one.
/// </summary>
public sealed class KillAndResumeTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-kill-").FullName;
    private RegistryProcess? _registry;

    public async Task InitializeAsync()
    {
        _registry = await RegistryProcess.StartAsync(
            new RegistrySettings { DataDirectory = Path.Combine(_directory, "data"), WorkDirectory = Path.Combine(_directory, "registry") },
            CancellationToken.None);
        await PushCacheAsync(_registry.BaseUri);
    }

    [Fact]
    public async Task Resume_AfterKillMidWalk_CompletesWithExactlyOneRecordPerStep()
    {
        using var hung = new SilentServer();
        var database = Path.Combine(_directory, "triage.db");
        var store = new SqliteInvestigationStore(Options.Create(new StorageOptions { SqlitePath = database }));

        using (var first = BotProcess.Start(Environment(database, hung.BaseUri), "triage", "registry.internal:5000/app:cache", "--json"))
        {
            var stuck = await WaitForStateAsync(store, InvestigationState.InspectingManifest);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            Assert.Equal([StepName.CiLog], stuck.Steps.Select(s => s.Step));
        }

        var resumed = await BotProcess.RunAsync(Environment(database, _registry!.BaseUri), "resume", "--json");

        Assert.Equal(0, resumed.ExitCode);
        var id = (await store.ListUnfinishedAsync(CancellationToken.None)).Select(s => s.Id).SingleOrDefault();
        Assert.Null(id);
        using var reports = JsonDocument.Parse(resumed.Output);
        var report = reports.RootElement.EnumerateArray().Single();
        Assert.Equal("nothing-wrong-found", report.GetProperty("rootCause").GetProperty("code").GetString());
        var counts = await store.CountStepRecordsAsync(report.GetProperty("investigation").GetString()!, CancellationToken.None);
        Assert.Equal(5, counts.Count);
        Assert.All(counts.Values, count => Assert.Equal(1, count));
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
            await _registry.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Dictionary<string, string> Environment(string database, Uri registry) => new()
    {
        ["Storage__SqlitePath"] = database,
        ["Registry__Registries__0__Name"] = "registry.internal:5000",
        ["Registry__Registries__0__BaseUri"] = registry.ToString(),
        ["Registry__RequestTimeout"] = "00:05:00",
        ["Investigation__StepTimeout"] = "00:05:00",
    };

    private static async Task<InvestigationSnapshot> WaitForStateAsync(SqliteInvestigationStore store, InvestigationState state)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var open = await store.ListUnfinishedAsync(deadline.Token);
            if (open.FirstOrDefault(s => s.State == state) is { } snapshot)
                return snapshot;

            await Task.Delay(100, deadline.Token);
        }
    }

    private static async Task PushCacheAsync(Uri registry)
    {
        using var http = new HttpClient { BaseAddress = registry };
        var pusher = new OciPusher(http);

        var layer = await pusher.PushBlobAsync("app", Encoding.UTF8.GetBytes("a layer of the cache"), CancellationToken.None);
        var cacheConfig = Encoding.UTF8.GetBytes($$"""{"layers":[{"blob":"{{layer.Digest}}","parent":-1}],"records":[]}""");
        var config = await pusher.PushBlobAsync("app", cacheConfig, CancellationToken.None);
        var manifest = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.buildkit.cacheconfig.v0","digest":"{{config.Digest}}","size":{{cacheConfig.Length}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{layer.Digest}}","size":20}]}
            """;
        var put = await pusher.PutManifestAsync(
            "app", "cache", "application/vnd.oci.image.manifest.v1+json", Encoding.UTF8.GetBytes(manifest), CancellationToken.None);
        Assert.True(put.Succeeded, put.ErrorBody);
    }
}

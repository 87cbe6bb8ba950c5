using System.Text;
using System.Text.Json;
using Bot.Core;
using Bot.Core.Investigations;
using Bot.Lab.GitHub;
using Bot.Lab.Registry;
using Bot.Registry.Push;
using Bot.Storage;
using Bot.Storage.Sqlite;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Hosting;

/// <summary>
/// The durability promise, tested the hard way: a real bot process is killed while it waits on a
/// hung registry, and a second process finishes the same investigation against the real one. The
/// walk starts from a run link, so the CI-log step runs too; how often each step really ran is
/// counted where it ran: GitHub's stand-in, the hung port and the real registry's own log.
/// </summary>
public sealed class KillAndResumeTests : IAsyncLifetime
{
    private const string CacheRef = "registry.internal:5000/app:cache";

    private static readonly string MissingBlob =
        $"http://registry.internal:5000/v2/app/blobs/sha256:{new string('7', 64)}";

    private static readonly LabRun Run = new("acme", "app", 8412399017, [
        new LabJob(31, "build-and-push", "failure", string.Join('\n',
            $"2026-12-03T09:14:05.1234572Z   cache-from: type=registry,ref={CacheRef}",
            $"2026-12-03T09:14:10.1234577Z #5 importing cache manifest from {CacheRef}",
            "2026-12-03T09:14:14.1234581Z #9 ERROR: failed to compute cache key: failed to copy: " +
            $"httpReadSeeker: failed open: content at {MissingBlob} not found: not found",
            "2026-12-03T09:14:19.1234586Z ##[error]buildx failed with: ERROR: failed to solve")),
    ]);

    private readonly string _directory = Directory.CreateTempSubdirectory("bot-kill-").FullName;
    private RegistryProcess? _registry;
    private GitHubStandIn? _gitHub;
    private string[] _blobs = [];

    public async Task InitializeAsync()
    {
        _registry = await RegistryProcess.StartAsync(
            new RegistrySettings
            {
                DataDirectory = Path.Combine(_directory, "data"),
                WorkDirectory = Path.Combine(_directory, "registry"),
            },
            CancellationToken.None);
        _blobs = await PushCacheAsync(_registry.BaseUri);
        _gitHub = await GitHubStandIn.StartAsync([Run], CancellationToken.None);
    }

    [Fact]
    public async Task Resume_AfterKillMidWalk_CompletesWithExactlyOneRecordPerStepAndEachStepRunOnce()
    {
        using var hung = new SilentServer();
        var database = Path.Combine(_directory, "triage.db");
        var store = new SqliteInvestigationStore(Options.Create(new StorageOptions { SqlitePath = database }));
        var link = _gitHub!.RunLink(Run).ToString();

        using (var first = BotProcess.Start(Environment(database, hung.BaseUri), "triage", link, "--json"))
        {
            var stuck = await WaitForStateAsync(store, InvestigationState.InspectingManifest);
            await WaitUntilAsync(() => hung.Accepted == 1);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            Assert.Equal([StepName.CiLog], stuck.Steps.Select(s => s.Step));
        }

        var resumed = await BotProcess.RunAsync(Environment(database, _registry!.BaseUri), "resume", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Empty(await store.ListUnfinishedAsync(CancellationToken.None));
        using var reports = JsonDocument.Parse(resumed.Output);
        var report = reports.RootElement.EnumerateArray().Single();
        Assert.Equal("concluded", report.GetProperty("state").GetString());
        var id = report.GetProperty("investigation").GetString()!;
        var counts = await store.CountStepRecordsAsync(id, CancellationToken.None);
        Assert.Equal(Enum.GetValues<StepName>().Select(KebabCase.Of).Order(), counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.Equal(1, count));

        // The CI-log step ran once, in the first process: one jobs list, one log read.
        var ciRequests = _gitHub.Requests;
        var jobsList = $"GET /api/v3/repos/acme/app/actions/runs/{Run.RunId}/jobs";
        Assert.Single(ciRequests, r => r.StartsWith(jobsList, StringComparison.Ordinal));
        Assert.Single(ciRequests, r => r == "GET /api/v3/repos/acme/app/actions/jobs/31/logs");

        // The manifest step hung once on the first process's registry and ran once on the real
        // one; the blob step ran once: one GET for each blob.
        Assert.Equal(1, hung.Accepted);
        var expected = _blobs.Select(d => $"/v2/app/blobs/{d}").Append("/v2/app/manifests/cache").Order().ToList();
        var gets = await WaitForGetsAsync(_registry.LogPath, expected.Count);
        Assert.Equal(expected, gets.Keys.Order());
        Assert.All(gets, get => Assert.True(get.Value == 1, $"{get.Key} was asked {get.Value} times"));
    }

    public async Task DisposeAsync()
    {
        if (_gitHub is not null)
            await _gitHub.DisposeAsync();
        if (_registry is not null)
            await _registry.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Dictionary<string, string> Environment(string database, Uri registry) => new()
    {
        ["Storage__SqlitePath"] = database,
        ["Registry__Registries__0__Name"] = "registry.internal:5000",
        ["Registry__Registries__0__BaseUri"] = registry.ToString(),
        ["Registry__RequestTimeout"] = "00:05:00",
        ["Investigation__StepTimeout"] = "00:05:00",
        ["GitHub__WebBaseUrl"] = _gitHub!.WebBaseUri.ToString(),
        ["GitHub__ApiBaseUrl"] = _gitHub.ApiBaseUri.ToString(),
        ["GitHub__AllowedRepositories__0"] = "acme/app",
    };

    private static async Task<InvestigationSnapshot> WaitForStateAsync(
        SqliteInvestigationStore store, InvestigationState state)
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

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
            await Task.Delay(20, deadline.Token);
    }

    /// <summary>
    /// The registry's GETs in the cache's repository (not the start-up probe of <c>/v2/</c>), once
    /// its log has caught up: it is copied from the registry's output asynchronously. The bot has
    /// exited by now, so no request can still be on its way.
    /// </summary>
    private static async Task<Dictionary<string, int>> WaitForGetsAsync(string logPath, int paths)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var gets = InTheCacheRepository(logPath);
        while (gets.Count < paths && !deadline.IsCancellationRequested)
        {
            await Task.Delay(50);
            gets = InTheCacheRepository(logPath);
        }

        return gets;
    }

    private static Dictionary<string, int> InTheCacheRepository(string logPath) =>
        RegistryRequestLog.CountGets(logPath)
            .Where(get => get.Key.StartsWith("/v2/app/", StringComparison.Ordinal))
            .ToDictionary();

    /// <returns>The digests of the blobs the cache manifest references.</returns>
    private static async Task<string[]> PushCacheAsync(Uri registry)
    {
        using var http = new HttpClient { BaseAddress = registry };
        var pusher = new OciPusher(http);

        var layer = await pusher.PushBlobAsync(
            "app", Encoding.UTF8.GetBytes("a layer of the cache"), CancellationToken.None);
        var cacheConfig = Encoding.UTF8.GetBytes(
            $$"""{"layers":[{"blob":"{{layer.Digest}}","parent":-1}],"records":[]}""");
        var config = await pusher.PushBlobAsync("app", cacheConfig, CancellationToken.None);
        var manifest = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.buildkit.cacheconfig.v0","digest":"{{config.Digest}}","size":{{cacheConfig.Length}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{layer.Digest}}","size":20}]}
            """;
        var put = await pusher.PutManifestAsync(
            "app",
            "cache",
            "application/vnd.oci.image.manifest.v1+json",
            Encoding.UTF8.GetBytes(manifest),
            CancellationToken.None);
        Assert.True(put.Succeeded, put.ErrorBody);
        return [layer.Digest, config.Digest];
    }
}

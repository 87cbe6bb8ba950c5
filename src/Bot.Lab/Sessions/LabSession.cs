using Bot.Lab.GitHub;
using System.Globalization;
using Bot.Lab.Cluster;
using Bot.Lab.Failures;
using Bot.Lab.Registry;
using Bot.Lab.Scenarios;
using Bot.Registry.Push;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Lab.Sessions;

/// <summary>
/// One rehearsal of a scenario: a tmpfs of the scenario's size, Debian's registry on it, the
/// scenario's images and caches pushed, its failure induced and checked, and its CI run rendered.
/// Everything it started it stops on dispose: the registry by its PID, the mount, the directory.
/// It installs nothing; a missing prerequisite is a <see cref="LabPrerequisiteException"/>.
/// </summary>
public sealed class LabSession : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LabSessionOptions _options;
    private readonly List<PushedArtifact> _pushed = [];
    private Tmpfs? _volume;
    private RegistryProcess? _registry;
    private HttpClient? _http;
    private ClusterSimulator? _cluster;
    private int _disposed;

    private LabSession(Scenario scenario, string directory, LabSessionOptions options, ILogger logger)
    {
        _options = options;
        _time = options.Time;
        Scenario = scenario;
        Id = Path.GetFileName(directory);
        Directory = directory;
        _logger = logger;
    }

    public string Id { get; }

    public Scenario Scenario { get; }

    /// <summary>The session's own directory: the volume's mount point, the registry's files, the bot's files.</summary>
    public string Directory { get; }

    /// <summary>Where the tmpfs is mounted: the registry volume, as <c>df</c> sees it.</summary>
    public string VolumePath => Path.Combine(Directory, "volume");

    /// <summary>The registry's storage root (<c>rootdirectory</c>).</summary>
    public string DataDirectory => Path.Combine(VolumePath, "data");

    /// <summary>How CI logs name the registry, e.g. <c>registry.internal:5000</c>.</summary>
    public string RegistryName => Scenario.Registry.Name;

    /// <summary>Where the registry really listens: 127.0.0.1 and a free port (refused while stopped).</summary>
    public Uri RegistryBaseUri => Registry.BaseUri;

    /// <summary>The registry's own log across restarts, with its real "no space left on device" lines.</summary>
    public string RegistryLogPath => Registry.LogPath;

    /// <summary>The registry's PID while it runs; null once stopped.</summary>
    public int? RegistryProcessId => Registry.ProcessId;

    public IReadOnlyList<PushedArtifact> Pushed => _pushed;

    public InducedFailure Failure { get; private set; } = null!;

    public LabRun CiRun { get; private set; } = null!;

    public VolumeUsage VolumeUsage => VolumeUsage.Of(VolumePath);

    /// <summary>The simulated Kubernetes API around the registry; null without a <c>cluster:</c> section.</summary>
    public ClusterSimulator? Cluster => _cluster;

    private RegistryProcess Registry => _registry ?? throw new ObjectDisposedException(nameof(LabSession));

    public static async Task<LabSession> StartAsync(
        Scenario scenario,
        LabSessionOptions? options = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LabSessionOptions();
        var id = $"{scenario.Name}-{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8]}";
        var session = new LabSession(
            scenario, Path.Combine(options.RootDirectory, id), options, logger ?? NullLogger.Instance);
        try
        {
            await session.BuildAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The configuration the bot needs to triage this session, as configuration keys. The GitHub
    /// URIs come from the GitHub stand-in serving <see cref="CiRun"/>, which the host starts.
    /// </summary>
    public IReadOnlyDictionary<string, string?> BotConfiguration(
        Uri? gitHubApiBaseUri = null, Uri? gitHubWebBaseUri = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Registry:Registries:0:Name"] = RegistryName,
            ["Registry:Registries:0:BaseUri"] = RegistryBaseUri.ToString(),
            ["GitHub:AllowedRepositories:0"] = $"{Scenario.Ci.Owner}/{Scenario.Ci.Repository}",
            ["Storage:SqlitePath"] = Path.Combine(Directory, "bot", "triage.db"),
        };
        if (gitHubApiBaseUri is not null)
            settings["GitHub:ApiBaseUrl"] = gitHubApiBaseUri.ToString();
        if (gitHubWebBaseUri is not null)
            settings["GitHub:WebBaseUrl"] = gitHubWebBaseUri.ToString();

        // Without a cluster the bot keeps its defaults, and its volume and GC steps say they could not check.
        if (Scenario.Cluster is { } cluster && _cluster is not null)
            LabCluster.Configure(settings, cluster, _cluster);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;

        _http?.Dispose();

        // First: its mount namespace holds a bind mount of the tmpfs, which must go before the unmount.
        await CleanUpAsync("stop cluster simulator", async () =>
        {
            if (_cluster is not null)
                await _cluster.DisposeAsync();
        });
        await CleanUpAsync("stop registry", async () =>
        {
            if (_registry is not null)
                await _registry.StopAsync();
        });
        await CleanUpAsync("unmount volume", async () =>
        {
            if (_volume is not null)
                await _volume.DisposeAsync();
        });
        await CleanUpAsync("delete session directory", () =>
        {
            if (System.IO.Directory.Exists(Directory))
                System.IO.Directory.Delete(Directory, recursive: true);
            return Task.CompletedTask;
        });
        LabLog.SessionStopped(_logger, Id);
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        LabLog.SessionStarting(_logger, Id, Scenario.Name, Directory);
        System.IO.Directory.CreateDirectory(Directory);

        // Not cancellable midway: a mount or a process started but not yet handed back could not be
        // cleaned up. Both are bounded (the registry start times out), and the token is checked after.
        _volume = await Tmpfs.MountAsync(
            VolumePath, Scenario.Registry.VolumeBytes, _options.MountCommand, _options.UnmountCommand,
            CancellationToken.None);
        _registry = await RegistryProcess.StartAsync(new RegistrySettings
        {
            Binary = _options.RegistryBinary,
            DataDirectory = DataDirectory,
            WorkDirectory = Path.Combine(Directory, "registry"),
            BlobDescriptorCache = Scenario.Registry.BlobDescriptorCache,
        }, CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        LabLog.RegistryStarted(_logger, RegistryName, RegistryBaseUri, RegistryLogPath);

        _http = new HttpClient { BaseAddress = RegistryBaseUri, Timeout = TimeSpan.FromSeconds(30) };
        var pusher = new ScenarioPusher(new OciPusher(_http));
        var inducer = FailureInducers.For(Scenario.Failure.Kind);
        var target = await PushAllAsync(pusher, inducer.PutsCacheManifest, cancellationToken);

        if (Scenario.Filler is { } filler)
        {
            var repository = target?.Repository ?? _pushed.FirstOrDefault()?.Repository ?? "orphans";
            var bytes = await VolumeFiller.FillAsync(pusher, VolumePath, repository, filler, cancellationToken);
            LabLog.Filled(_logger, bytes, VolumeUsage.UsedPercent);
        }

        var context = new InductionContext(
            Scenario, Registry, _http, pusher, new StorageLayout(DataDirectory), VolumePath, target, _logger);
        Failure = await inducer.InduceAsync(context, cancellationToken);
        await InducedStateCheck.VerifyAsync(context, Failure, _pushed, cancellationToken);
        LabLog.Induced(_logger, FailureKinds.NameOf(Failure.Kind));

        var facts = CiFacts.Build(Scenario, _pushed, target, Failure);
        CiRun = CiLogRenderer.Render(Scenario, facts);

        // Last, so the registry log and the disk it serves are in their final state.
        if (Scenario.Cluster is { } cluster)
        {
            var clusterScenario = LabCluster.Build(
                Scenario, cluster, DataDirectory, RegistryLogPath, facts, _time.GetUtcNow());
            _cluster = await ClusterSimulator.StartAsync(
                clusterScenario, Path.Combine(Directory, "cluster"), _time, CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            LabLog.ClusterStarted(_logger, cluster.Namespace, _cluster.BaseUri, _cluster.KubeconfigPath);
        }
    }

    /// <returns>The cache the failure aims at, pushed (its manifest left for the inducer when it asks).</returns>
    private async Task<PushedArtifact?> PushAllAsync(
        ScenarioPusher pusher, bool inducerPutsManifest, CancellationToken cancellationToken)
    {
        foreach (var image in Scenario.Images)
            Add(await pusher.PushImageAsync(image, cancellationToken));

        PushedArtifact? target = null;
        var targetSpec = FailureKinds.TargetsCache(Scenario.Failure.Kind) ? Scenario.TargetCache : null;
        foreach (var cache in Scenario.Caches)
        {
            var cacheRef = $"{RegistryName}/{cache.Reference}";
            var pushed = await pusher.PushCacheBlobsAsync(cache, cacheRef, cancellationToken);
            if (cache == targetSpec)
                target = pushed;

            if (!(cache == targetSpec && inducerPutsManifest))
                await pusher.PutManifestAsync(pushed, cancellationToken);

            Add(pushed);
        }

        return target;
    }

    private void Add(PushedArtifact artifact)
    {
        _pushed.Add(artifact);
        LabLog.Pushed(_logger, artifact.Reference, artifact.Digest);
    }

    private async Task CleanUpAsync(string step, Func<Task> action)
    {
        // Cleanup must go on past a failed step: a registry that will not die must not keep the mount alive.
        try
        {
            await action();
        }
        catch (Exception e)
        {
            LabLog.CleanupFailed(_logger, e, step);
        }
    }
}

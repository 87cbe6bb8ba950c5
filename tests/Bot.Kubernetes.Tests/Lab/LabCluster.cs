using Bot.Kubernetes.Api;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Volume;
using Bot.Lab.Cluster;
using Bot.Lab.Registry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Bot.Kubernetes.Tests.Lab;

/// <summary>
/// A small real tmpfs laid out like a registry's storage, behind a <see cref="ClusterSimulator"/>,
/// and the bot's cluster steps pointed at it through the real KubernetesClient.
/// </summary>
internal sealed class LabCluster : IAsyncDisposable
{
    public const long TmpfsBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The clock of the simulator and of the bot's steps: just after the lab fixtures were recorded
    /// (2026-12-03), so their log lines stay inside the log windows whenever the tests run.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 19, 0, 0, TimeSpan.Zero);

    private readonly List<IAsyncDisposable> _owned;

    private LabCluster(
        string root, Tmpfs tmpfs, ClusterSimulator simulator, ClusterOptions options, List<IAsyncDisposable> owned)
    {
        Root = root;
        Tmpfs = tmpfs;
        Simulator = simulator;
        Options = options;
        _owned = owned;
    }

    public string Root { get; }

    public Tmpfs Tmpfs { get; }

    public ClusterSimulator Simulator { get; }

    public ClusterOptions Options { get; }

    public static TimeProvider Time { get; } = new FakeTimeProvider(Now);

    /// <summary>
    /// Mounts the tmpfs, lets <paramref name="setup"/> fill it and shape the scenario, then starts the simulator.
    /// </summary>
    public static async Task<LabCluster> StartAsync(
        Func<LabSetup, Task<ClusterScenario>> setup, Action<ClusterOptions>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "bot-cluster-tests", Guid.NewGuid().ToString("N"));
        var tmpfs = await Tmpfs.MountAsync(Path.Combine(root, "storage"), TmpfsBytes, CancellationToken.None);
        var owned = new List<IAsyncDisposable>();
        try
        {
            var labSetup = new LabSetup(root, tmpfs.Path, owned);
            var scenario = await setup(labSetup);
            var simulator = await ClusterSimulator.StartAsync(scenario, Path.Combine(root, "work"), Time);
            var options = new ClusterOptions
            {
                Kubeconfig = simulator.KubeconfigPath,
                Namespace = scenario.Namespace,
                LabelSelector = "app=harbor,component=registry",
                LargeBlobThresholdKiB = 256,
                ExecTimeout = TimeSpan.FromSeconds(10),
            };
            configure?.Invoke(options);
            return new LabCluster(root, tmpfs, simulator, options, owned);
        }
        catch
        {
            foreach (var item in owned)
                await item.DisposeAsync();
            await tmpfs.DisposeAsync();
            throw;
        }
    }

    public static Task<LabCluster> StartAsync(
        Func<LabSetup, ClusterScenario> setup, Action<ClusterOptions>? configure = null) =>
        StartAsync(s => Task.FromResult(setup(s)), configure);

    public ClusterApi Api() => new(new KubernetesFactory(MsOptions.Create(Options)), MsOptions.Create(Options), Time);

    public VolumeStep VolumeStep() => new(Api(), NullLogger<VolumeStep>.Instance);

    public GcStep GcStep() =>
        new(
            Options.Gc.Source == GcSourceKind.PodLogs ? new PodLogsGcSource(Api(), MsOptions.Create(Options)) : null,
            NullLogger<GcStep>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        foreach (var item in _owned)
            await item.DisposeAsync();
        await Tmpfs.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The lazy unmount may still be finishing; the temp folder is cleaned by the OS.
        }
    }
}

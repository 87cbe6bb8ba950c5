using Bot.Kubernetes.Api;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Volume;
using Bot.Lab.Cluster;
using Bot.Lab.Registry;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Bot.Kubernetes.Tests.Lab;

/// <summary>
/// A small real tmpfs laid out like a registry's storage, behind a <see cref="ClusterSimulator"/>,
/// and the bot's cluster steps pointed at it through the real KubernetesClient.
/// </summary>
internal sealed class LabCluster : IAsyncDisposable
{
    public const long TmpfsBytes = 4 * 1024 * 1024;

    private LabCluster(string root, Tmpfs tmpfs, ClusterSimulator simulator, ClusterOptions options)
    {
        Root = root;
        Tmpfs = tmpfs;
        Simulator = simulator;
        Options = options;
    }

    public string Root { get; }

    public Tmpfs Tmpfs { get; }

    public ClusterSimulator Simulator { get; }

    public ClusterOptions Options { get; }

    public string RegistryRoot => Path.Combine(Tmpfs.Path, "docker", "registry", "v2");

    /// <summary>Mounts the tmpfs, lets <paramref name="fill"/> lay out the storage, then starts the simulator.</summary>
    public static async Task<LabCluster> StartAsync(
        Func<ClusterScenario, ClusterScenario> scenario, Action<StorageLayout> fill, Action<ClusterOptions>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "bot-cluster-tests", Guid.NewGuid().ToString("N"));
        var tmpfs = await Tmpfs.MountAsync(Path.Combine(root, "storage"), TmpfsBytes, CancellationToken.None);
        try
        {
            fill(new StorageLayout(tmpfs.Path));
            var baseScenario = new ClusterScenario { StorageDirectory = tmpfs.Path };
            var simulator = await ClusterSimulator.StartAsync(scenario(baseScenario), Path.Combine(root, "work"));
            var options = new ClusterOptions
            {
                Kubeconfig = simulator.KubeconfigPath,
                Namespace = simulator.Scenario.Namespace,
                LabelSelector = "app=harbor,component=registry",
                LargeBlobThresholdKiB = 256,
                ExecTimeout = TimeSpan.FromSeconds(10),
            };
            configure?.Invoke(options);
            return new LabCluster(root, tmpfs, simulator, options);
        }
        catch
        {
            await tmpfs.DisposeAsync();
            throw;
        }
    }

    public ClusterApi Api() => new(new KubernetesFactory(MsOptions.Create(Options)), MsOptions.Create(Options));

    public VolumeStep VolumeStep() => new(Api(), NullLogger<VolumeStep>.Instance);

    public GcStep GcStep() =>
        new(
            Options.Gc.Source == GcSourceKind.PodLogs ? new PodLogsGcSource(Api(), MsOptions.Create(Options)) : null,
            NullLogger<GcStep>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
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

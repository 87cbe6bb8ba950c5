using System.Globalization;
using Bot.Core.Investigations;
using Bot.Kubernetes;
using Bot.Kubernetes.Api;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Volume;
using Bot.Lab.Cluster;
using Bot.Lab.Registry;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Bot.ClusterBench;

/// <summary>
/// On a simulated cluster over a real 16 MiB tmpfs: the volume and GC steps against the sum of the
/// same raw calls made one after another. Reports medians and their ratio; asserts nothing.
/// </summary>
internal static class ClusterBench
{
    private const long TmpfsBytes = 16 * 1024 * 1024;

    public static async Task<int> RunAsync(int iterations, TextWriter output)
    {
        var root = Path.Combine(Path.GetTempPath(), "bot-cluster-bench", Guid.NewGuid().ToString("N"));
        await using var tmpfs = await Tmpfs.MountAsync(
            Path.Combine(root, "storage"), TmpfsBytes, CancellationToken.None);
        var registryLog = Path.Combine(root, "registry.log");
        Lay(tmpfs.Path, registryLog);

        var scenario = new ClusterScenario
        {
            StorageDirectory = tmpfs.Path,
            RegistryLogPath = registryLog,
            GcPods =
            [
                new GcPodScenario
                {
                    Name = "registry-gc-29402880-x7k2p",
                    Labels = new Dictionary<string, string> { ["job-name"] = "registry-gc-29402880" },
                    Phase = "Failed",
                    StartedAt = DateTimeOffset.UnixEpoch.AddDays(20000),
                    Log = "2026-12-01T02:00:05Z [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:165]: " +
                        "failed to execute GC job at sweep phase, error: boom\n",
                },
            ],
        };
        await using var simulator = await ClusterSimulator.StartAsync(scenario, Path.Combine(root, "work"));

        var options = new ClusterOptions
        {
            Kubeconfig = simulator.KubeconfigPath,
            Namespace = scenario.Namespace,
            LabelSelector = "app=harbor,component=registry",
            LargeBlobThresholdKiB = 256,
        };
        options.Gc.Source = GcSourceKind.PodLogs;
        options.Gc.PodLogs.CronJob = "registry-gc";
        var api = new ClusterApi(
            new KubernetesFactory(MsOptions.Create(options)), MsOptions.Create(options), TimeProvider.System);
        var volume = new VolumeStep(api, NullLogger<VolumeStep>.Instance);
        var gc = new GcStep(new PodLogsGcSource(api, MsOptions.Create(options)), NullLogger<GcStep>.Instance);
        var broken = "sha256:" + new string('a', 64);
        var clues = new Clues { BrokenBlobs = [new BrokenBlob(broken, "missing", "layer", 1, null)] };

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(simulator.KubeconfigPath);
        using var client = new k8s.Kubernetes(config);
        var raw = new RawCalls(
            client, scenario.Namespace, scenario.RegistryPod, scenario.Container, scenario.MountPath,
            options.LargeBlobThresholdKiB, broken);

        // Warm both paths first: JIT and the first connection would otherwise land on whichever runs first.
        await StepsAsync(volume, gc, clues);
        await raw.RunAsync(CancellationToken.None);

        var stepTimes = new List<double>();
        var rawTimes = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            // Alternate the order so neither side always runs on a warmer cache.
            if (i % 2 == 0)
            {
                stepTimes.Add(await Timing.TimeAsync(() => StepsAsync(volume, gc, clues)));
                rawTimes.Add(await Timing.TimeAsync(() => raw.RunAsync(CancellationToken.None)));
            }
            else
            {
                rawTimes.Add(await Timing.TimeAsync(() => raw.RunAsync(CancellationToken.None)));
                stepTimes.Add(await Timing.TimeAsync(() => StepsAsync(volume, gc, clues)));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"iterations: {iterations} (after one warm-up each)"));
        output.WriteLine(Timing.Describe("volume+gc steps", stepTimes));
        output.WriteLine(Timing.Describe("same raw calls in sequence", rawTimes));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio steps/raw: {Timing.Median(stepTimes) / Timing.Median(rawTimes):0.00}"));
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // The tmpfs unmounts lazily; the temp folder is cleaned by the OS.
        }

        return 0;
    }

    private static async Task StepsAsync(VolumeStep volume, GcStep gc, Clues clues)
    {
        var afterVolume = await volume.RunAsync(clues, CancellationToken.None);
        if (afterVolume.Status != StepStatus.ProblemFound && afterVolume.Status != StepStatus.Fine)
            throw new InvalidOperationException("The volume step could not check: " + afterVolume.Finding.Code);
        await gc.RunAsync(afterVolume.Clues, CancellationToken.None);
    }

    /// <summary>
    /// A registry tree with some blobs, an empty one, an empty link, an upload, and a log with failed writes.
    /// </summary>
    private static void Lay(string storage, string registryLog)
    {
        var v2 = Path.Combine(storage, "docker", "registry", "v2");
        for (var i = 0; i < 40; i++)
        {
            var hex = Convert.ToHexStringLower(BitConverter.GetBytes(i)).PadRight(64, 'c');
            var dir = Path.Combine(v2, "blobs", "sha256", hex[..2], hex);
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "data"), new byte[i == 0 ? 0 : i * 8 * 1024]);
            var link = Path.Combine(v2, "repositories", "app", "_layers", "sha256", hex);
            Directory.CreateDirectory(link);
            File.WriteAllText(Path.Combine(link, "link"), i == 1 ? "" : "sha256:" + hex);
        }

        var upload = Path.Combine(v2, "repositories", "app", "_uploads", "0b8c8a3e-1111-4c1e-9c0a-7f3a4c2d1e00");
        Directory.CreateDirectory(upload);
        File.WriteAllBytes(Path.Combine(upload, "data"), new byte[512 * 1024]);

        var lines = Enumerable.Range(0, 2000).Select(i => i % 100 == 0
            ? $"time=\"2026-12-03T18:{i / 100 % 60:00}:00Z\" level=error msg=\"response completed with error\" " +
              $"err.detail=\"write /storage/x: no space left on device\" " +
              $"http.request.id=req-{i} http.request.method=PUT"
            : $"time=\"2026-12-03T18:00:00Z\" level=info msg=\"response completed\" " +
              $"http.request.id=ok-{i} http.request.method=GET");
        File.WriteAllLines(registryLog, lines);
    }
}

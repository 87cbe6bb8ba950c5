using Bot.Core.Investigations;
using Bot.Kubernetes.Api;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Tests.Lab;
using Bot.Lab.Cluster;
using k8s;

namespace Bot.Kubernetes.Tests.Cluster;

/// <summary>
/// The log windows: the bot asks the API server for <c>sinceSeconds</c> (and timestamps), the simulator
/// applies it the way the server does, and the bot drops an old line itself when a server does not.
/// </summary>
public sealed class LogWindowTests
{
    private static readonly DateTimeOffset Now = LabCluster.Now;

    [Fact]
    public async Task Volume_RegistryLog_AsksForTheConfiguredWindowWithTimestamps()
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario, o => o.RegistryLogWindow = TimeSpan.FromHours(24));

        await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        var request = Assert.Single(lab.Simulator.LogRequests, r => r.Pod == lab.Simulator.Scenario.RegistryPod);
        Assert.Equal(new LogRequest("harbor-registry-0", "registry", 24 * 3600, Timestamps: true), request);
    }

    [Fact]
    public async Task Gc_PodLogs_AsksForTheConfiguredWindow()
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario with
            {
                GcPods = [ClusterWalk.GcPod("registry-gc-29402880", Now.AddDays(-1), "Succeeded", "")],
            },
            o =>
            {
                ClusterWalk.UseCronJobGc(o, "registry-gc");
                o.Gc.PodLogs.Since = TimeSpan.FromHours(48);
            });

        await lab.GcStep().RunAsync(new Clues(), CancellationToken.None);

        var request = Assert.Single(lab.Simulator.LogRequests);
        Assert.Equal(
            ("registry-gc-29402880-x7k2p", 48 * 3600, true), (request.Pod, request.SinceSeconds, request.Timestamps));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Volume_NoSpaceWriteBeforeTheWindow_DoesNotCount(bool serverIgnoresSince)
    {
        await using var lab = await LabCluster.StartAsync(setup =>
        {
            var log = Path.Combine(setup.Root, "registry.log");
            File.WriteAllLines(log, [NoSpaceLine(Now.AddDays(-4), 'a'), NoSpaceLine(Now.AddHours(-2), 'b')]);
            return setup.Scenario with
            {
                RegistryLogPath = log,
                RegistryStartedAt = Now.AddDays(-10),
                IgnoreSinceSeconds = serverIgnoresSince,
            };
        }, o => o.RegistryLogWindow = TimeSpan.FromHours(72));

        var result = await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        var error = Assert.Single(result.Clues.RegistryWriteErrors);
        Assert.Equal(Now.AddHours(-2), error.At);
        Assert.Equal("sha256:" + new string('b', 64), error.Digest);
    }

    [Fact]
    public async Task Gc_FailedRunBeforeTheWindow_IsNotInTheHistory()
    {
        var log = string.Join('\n',
            $"{Stamp(Now.AddDays(-10))} [INFO] [/jobservice/job/impl/gc/garbage_collection.go:154]: "
            + "start to run gc in job.",
            $"{Stamp(Now.AddDays(-10))} [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:165]: "
            + "failed to execute GC job at sweep phase, error: boom");
        var pod = new GcPodScenario
        {
            Name = "harbor-jobservice-5d9c8", Phase = "Running", StartedAt = Now.AddDays(-20), Log = log,
        };

        var inside = await GcOverAsync(pod, TimeSpan.FromDays(14));
        var outside = await GcOverAsync(pod, TimeSpan.FromDays(7));

        Assert.Equal(GcOutcomes.FailedSweep, inside.Clues.GcOutcome);
        Assert.Equal(1, inside.Clues.GcFailedRunsSinceSuccess);
        // Outside the window the running jobservice shows no finished run: no failure is counted.
        Assert.Equal(GcOutcomes.InProgress, outside.Clues.GcOutcome);
        Assert.Equal(0, outside.Clues.GcFailedRunsSinceSuccess);
        Assert.Null(outside.Clues.GcFailureDetail);
    }

    /// <summary>The simulator on its own, asked as the API server is: sinceSeconds drops, timestamps prefix.</summary>
    [Fact]
    public async Task Simulator_SinceSecondsAndTimestamps_AppliedLikeTheApiServer()
    {
        var old = NoSpaceLine(Now.AddDays(-4), 'a');
        var recent = NoSpaceLine(Now.AddHours(-2), 'b');
        await using var lab = await LabCluster.StartAsync(setup =>
        {
            var log = Path.Combine(setup.Root, "registry.log");
            File.WriteAllLines(log, [old, "a line without a time of its own", recent]);
            return setup.Scenario with { RegistryLogPath = log, RegistryStartedAt = Now.AddDays(-10) };
        });
        var config = k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(lab.Simulator.KubeconfigPath);
        using var client = new k8s.Kubernetes(config);
        var scenario = lab.Simulator.Scenario;

        var all = await ReadAsync(client, scenario, sinceSeconds: null, timestamps: false);
        var window = await ReadAsync(client, scenario, sinceSeconds: 3 * 24 * 3600, timestamps: false);
        var stamped = await ReadAsync(client, scenario, sinceSeconds: 3 * 24 * 3600, timestamps: true);

        Assert.Equal([old, "a line without a time of its own", recent], all);
        Assert.Equal([recent], window);
        Assert.Equal([$"{Now.AddHours(-2).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff}00Z {recent}"], stamped);
    }

    private static async Task<string[]> ReadAsync(
        k8s.Kubernetes client, ClusterScenario scenario, int? sinceSeconds, bool timestamps)
    {
        await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(
            scenario.RegistryPod,
            scenario.Namespace,
            container: scenario.Container,
            sinceSeconds: sinceSeconds,
            timestamps: timestamps);
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [InlineData(
        "2026-12-03T18:45:45.812464879Z time=\"x\" msg=\"y\"",
        "2026-12-03T18:45:45.8124649Z",
        "time=\"x\" msg=\"y\"")]
    [InlineData(
        "2026-12-03T18:45:45Z 2021-05-11T16:04:21Z [INFO] start",
        "2026-12-03T18:45:45Z",
        "2021-05-11T16:04:21Z [INFO] start")]
    public void Split_TimestampedLine_GivesTheRuntimesTimeAndTheLine(string line, string at, string text)
    {
        var (time, rest) = TimestampedLine.Split(line);

        Assert.Equal(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(text, rest);
    }

    [Theory]
    [InlineData("app: marking blob sha256:1f4f")]
    [InlineData("")]
    [InlineData("2026-12-03 not a time")]
    public void Split_LineWithoutTimestamp_IsKeptWhole(string line)
    {
        Assert.Equal((null, line), TimestampedLine.Split(line));
    }

    private static async Task<StepResult> GcOverAsync(GcPodScenario pod, TimeSpan since)
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario with { GcPods = [pod] },
            o =>
            {
                o.Gc.Source = GcSourceKind.PodLogs;
                o.Gc.PodLogs.Pod = pod.Name;
                o.Gc.PodLogs.Since = since;
            });
        return await lab.GcStep().RunAsync(new Clues(), CancellationToken.None);
    }

    private static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The registry's own ENOSPC line (registry-5001-tmpfs-enospc.log) at another time and for another blob.
    /// </summary>
    private static string NoSpaceLine(DateTimeOffset at, char hex) =>
        $"time=\"{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}\" "
        + "level=error msg=\"unknown error completing upload: "
        + $"write /storage/docker/registry/v2/blobs/sha256/{hex}{hex}/{new string(hex, 64)}/data: "
        + "no space left on device\" "
        + $"http.request.id=0000000{hex}-0000-0000-0000-000000000000 http.request.method=PUT";
}

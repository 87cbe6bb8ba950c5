using System.Globalization;
using Bot.Lab.Cluster;
using Bot.Lab.Scenarios;
using Fluid;
using Fluid.Values;

namespace Bot.Lab.Sessions;

/// <summary>
/// Turns a scenario's <c>cluster:</c> section into the simulator's <see cref="ClusterScenario"/>
/// once the session's disk and registry log are final, and says how the bot must be pointed at it.
/// </summary>
internal static class LabCluster
{
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithStrictVariables(true)
        .WithStrictFilters(true)
        .Build();

    public static ClusterScenario Build(
        Scenario scenario,
        ClusterSpec spec,
        string storageDirectory,
        string registryLogPath,
        IReadOnlyDictionary<string, object?> facts,
        DateTimeOffset now) => new()
        {
            Namespace = spec.Namespace,
            RegistryPod = spec.Pod,
            RegistryPodLabels = new Dictionary<string, string>(spec.PodLabels),
            Container = spec.Container,
            MountPath = spec.MountPath,
            StorageDirectory = storageDirectory,
            RegistryLogPath = registryLogPath,
            PvcName = spec.PvcName,
            PvcExists = spec.PvcExists,
            PvcRequestedSize = spec.PvcRequestedSize,
            PvcCapacity = spec.PvcCapacity,
            PvcPhase = spec.PvcPhase,
            PvcConditions = [.. spec.PvcConditions],
            PvcAllocatedResourceStatus = spec.PvcAllocatedResourceStatus,
            StorageClass = spec.StorageClass,
            AllowVolumeExpansion = spec.AllowVolumeExpansion,
            GcPods = [.. spec.GcPods.Select(pod => GcPod(scenario, pod, facts, now))],
            Forbidden = [.. spec.Forbidden.Select(r => new ForbiddenRule { Verb = r.Verb, Resource = r.Resource })],
        };

    /// <summary>The bot's <c>Cluster</c> keys for a simulator serving <paramref name="spec"/>.</summary>
    public static void Configure(IDictionary<string, string?> settings, ClusterSpec spec, string kubeconfigPath)
    {
        settings["Cluster:Kubeconfig"] = kubeconfigPath;
        settings["Cluster:Namespace"] = spec.Namespace;
        settings["Cluster:LabelSelector"] = spec.LabelSelector;
        settings["Cluster:Container"] = spec.Container;
        settings["Cluster:StorageMountPath"] = spec.MountPath;
        if (spec.GcSelector is not { } gc)
            return;

        settings["Cluster:Gc:Source"] = "PodLogs";
        settings[$"Cluster:Gc:PodLogs:{gc.Key}"] = gc.Value;
        settings["Cluster:Gc:PodLogs:Container"] = gc.Container;
    }

    private static GcPodScenario GcPod(
        Scenario scenario, GcPodSpec pod, IReadOnlyDictionary<string, object?> facts, DateTimeOffset now)
    {
        var started = pod.StartedAt.Resolve(now);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in facts)
            context.SetValue(name, FluidValue.Create(value, Options));
        context.SetValue("now", FluidValue.Create(Time(now), Options));
        context.SetValue("pod", FluidValue.Create(new Dictionary<string, object?>
        {
            ["name"] = pod.Name,
            ["started_at"] = Time(started),
            ["job"] = pod.Labels.GetValueOrDefault("job-name") ?? "",
        }, Options));

        string log;
        try
        {
            log = pod.LogTemplate.Render(context);
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException)
        {
            throw new ScenarioException(
                $"{scenario.SourcePath}:{pod.Line}: the log of GC pod '{pod.Name}' does not render: {e.Message} " +
                $"(known variables: now, pod, {string.Join(", ", facts.Keys)}).");
        }

        return new GcPodScenario
        {
            Name = pod.Name,
            Labels = new Dictionary<string, string>(pod.Labels),
            Phase = pod.Phase,
            StartedAt = started,
            Container = pod.Container,
            Log = log,
        };
    }

    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

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
            HarborGc = [.. spec.HarborGc.Select(job => HarborJob(scenario, job, facts, now))],
            Forbidden = [.. spec.Forbidden.Select(r => new ForbiddenRule { Verb = r.Verb, Resource = r.Resource })],
        };

    /// <summary>The bot's <c>Cluster</c> keys for a simulator serving <paramref name="spec"/>.</summary>
    public static void Configure(IDictionary<string, string?> settings, ClusterSpec spec, ClusterSimulator simulator)
    {
        settings["Cluster:Kubeconfig"] = simulator.KubeconfigPath;
        settings["Cluster:Namespace"] = spec.Namespace;
        settings["Cluster:LabelSelector"] = spec.LabelSelector;
        settings["Cluster:Container"] = spec.Container;
        settings["Cluster:StorageMountPath"] = spec.MountPath;
        if (spec.HarborGc.Count > 0)
        {
            settings["Cluster:Gc:Source"] = "Harbor";
            settings["Cluster:Gc:Harbor:BaseUrl"] = simulator.HarborBaseUri.ToString();
            settings["Cluster:Gc:Harbor:Username"] = simulator.Scenario.HarborUsername;
            settings["Cluster:Gc:Harbor:Password"] = simulator.Scenario.HarborPassword;
        }

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
        var variables = new Dictionary<string, object?>
        {
            ["name"] = pod.Name,
            ["started_at"] = Time(started),
            ["job"] = pod.Labels.GetValueOrDefault("job-name") ?? "",
        };
        var what = $"{scenario.SourcePath}:{pod.Line}: the log of GC pod '{pod.Name}'";
        var log = Render(pod.LogTemplate, "pod", variables, facts, now, what);

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

    private static HarborGcJob HarborJob(
        Scenario scenario, HarborGcJobSpec job, IReadOnlyDictionary<string, object?> facts, DateTimeOffset now)
    {
        var started = job.StartedAt.Resolve(now);
        var variables = new Dictionary<string, object?>
        {
            ["id"] = job.Id.ToString(CultureInfo.InvariantCulture),
            ["started_at"] = Time(started),
        };
        var what = $"{scenario.SourcePath}:{job.Line}: the log of Harbor GC job {job.Id}";
        var log = job.LogTemplate is null ? null : Render(job.LogTemplate, "job", variables, facts, now, what);
        return new HarborGcJob
        {
            Id = job.Id,
            Status = job.Status,
            DryRun = job.DryRun,
            StartedAt = started,
            Log = log,
        };
    }

    /// <summary>A GC log template with the session's facts, <c>now</c>, and its own <c>pod</c> or <c>job</c>.</summary>
    private static string Render(
        IFluidTemplate template,
        string name,
        Dictionary<string, object?> own,
        IReadOnlyDictionary<string, object?> facts,
        DateTimeOffset now,
        string what)
    {
        var context = new TemplateContext(Options);
        foreach (var (key, value) in facts)
            context.SetValue(key, FluidValue.Create(value, Options));
        context.SetValue("now", FluidValue.Create(Time(now), Options));
        context.SetValue(name, FluidValue.Create(own, Options));

        try
        {
            return template.Render(context);
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException)
        {
            throw new ScenarioException(
                $"{what} does not render: {e.Message} " +
                $"(known variables: now, {name}, {string.Join(", ", facts.Keys)}).");
        }
    }

    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

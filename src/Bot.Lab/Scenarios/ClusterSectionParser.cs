using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;

namespace Bot.Lab.Scenarios;

/// <summary>
/// Reads the optional <c>cluster:</c> section as strictly as the rest of a scenario: names that
/// Kubernetes would refuse, phases and conditions it does not have, and mount paths that would
/// hide the tools exec needs are errors naming the key and the line.
/// </summary>
internal static partial class ClusterSectionParser
{
    private const long MaxClaim = 1L << 50;
    private static readonly FluidParser Liquid = new();
    private static readonly string[] PvcPhases = ["Pending", "Bound", "Lost"];
    private static readonly string[] PodPhases = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];
    private static readonly string[] PvcConditionTypes =
        ["Resizing", "FileSystemResizePending", "ModifyingVolume", "ControllerResizeError", "NodeResizeError"];
    private static readonly string[] AllocatedStatuses =
    [
        "ControllerResizeInProgress", "ControllerResizeInfeasible", "ControllerResizeFailed",
        "NodeResizePending", "NodeResizeInProgress", "NodeResizeInfeasible", "NodeResizeFailed",
    ];
    private static readonly string[] HarborJobStatuses =
        ["Success", "Error", "Running", "Pending", "Scheduled", "Stopped"];
    private static readonly string[] Verbs = ["get", "list", "create"];
    private static readonly string[] Resources =
        ["namespaces", "pods", "pods/log", "pods/exec", "persistentvolumeclaims", "storageclasses"];

    // Exec runs df and find inside a namespace where the mount path is covered by the lab's
    // storage; covering one of these would hide the programs or the system they need.
    private static readonly string[] SystemDirectories =
        ["/bin", "/sbin", "/usr", "/lib", "/lib32", "/lib64", "/etc", "/proc", "/sys", "/dev", "/run", "/boot"];

    public static ClusterSpec Read(YamlMap map, long volumeBytes)
    {
        var volume = ByteSize.Format(volumeBytes);
        var podLabels = map.OptionalStringMap("podLabels")
            ?? new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app"] = "harbor",
                ["component"] = "registry",
            };
        foreach (var (key, value) in podLabels)
            CheckLabel(map, "podLabels", key, value);
        if (podLabels.Count == 0)
            throw map.Error("podLabels", "needs at least one label, or the bot could not select the pod");

        var pvc = map.OptionalMap("pvc");
        var storageClass = map.OptionalMap("storageClass");
        var gcPods = (map.OptionalSequence("gcPods", minCount: 0) ?? [])
            .Select((node, i) => ReadGcPod(YamlMap.From(node, $"{map.Path}.gcPods[{i}]", map.File)))
            .ToList();
        var harborGc = (map.OptionalSequence("harborGc", minCount: 0) ?? [])
            .Select((node, i) => ReadHarborGcJob(YamlMap.From(node, $"{map.Path}.harborGc[{i}]", map.File)))
            .ToList();
        if (gcPods.Count > 0 && harborGc.Count > 0)
            throw map.Error("harborGc", "and gcPods are two GC sources; the bot reads one, so give one of them");
        if (harborGc.GroupBy(j => j.Id).FirstOrDefault(g => g.Count() > 1) is { } sameId)
            throw map.Error("harborGc", $"lists job id {sameId.Key} twice");

        var spec = new ClusterSpec
        {
            Namespace = Name(map, "namespace", "harbor", DnsLabel()),
            Pod = Name(map, "pod", "harbor-registry-0", DnsSubdomain()),
            PodLabels = podLabels,
            Container = Name(map, "container", "registry", DnsLabel()),
            MountPath = MountPath(map),
            PvcName = pvc is null ? "harbor-registry" : Name(pvc, "name", "harbor-registry", DnsSubdomain()),
            PvcExists = pvc?.OptionalBool("exists", fallback: true) ?? true,
            PvcRequestedSize = Quantity(pvc, "requestedSize") ?? volume,
            PvcCapacity = Quantity(pvc, "capacity") ?? volume,
            PvcPhase = OneOf(pvc, "phase", PvcPhases) ?? "Bound",
            PvcConditions = Conditions(pvc),
            PvcAllocatedResourceStatus = OneOf(pvc, "allocatedResourceStatus", AllocatedStatuses),
            StorageClass = storageClass is null ? "standard" : OptionalName(storageClass, "name", DnsSubdomain()),
            AllowVolumeExpansion = storageClass?.OptionalBool("allowVolumeExpansion", fallback: true) ?? true,
            GcPods = gcPods,
            HarborGc = harborGc,
            GcSelector = SelectorFor(map, gcPods),
            Forbidden = (map.OptionalSequence("forbidden", minCount: 0) ?? [])
                .Select((node, i) => ReadForbidden(YamlMap.From(node, $"{map.Path}.forbidden[{i}]", map.File)))
                .ToList(),
        };
        pvc?.RejectUnknownKeys();
        storageClass?.RejectUnknownKeys();
        map.RejectUnknownKeys();

        if (gcPods.FirstOrDefault(p => p.Name == spec.Pod) is { } clash)
            throw map.Error("gcPods", $"names the registry pod '{clash.Name}' again; every pod needs its own name");
        if (gcPods.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw map.Error("gcPods", $"lists '{twice.Key}' twice");

        return spec;
    }

    private static GcPodSpec ReadGcPod(YamlMap map)
    {
        var labels = map.OptionalStringMap("labels") ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
            CheckLabel(map, "labels", key, value);

        var log = map.RequireString("log");
        if (!Liquid.TryParse(log, out var template, out var error))
            throw map.Error("log", $"is not a valid Liquid template: {error}");

        var pod = new GcPodSpec(
            Name(map, "name", null, DnsSubdomain()),
            labels,
            OneOf(map, "phase", PodPhases) ?? "Succeeded",
            StartedAt(map),
            Name(map, "container", "gc", DnsLabel()),
            template,
            map.LineOf("log"));
        map.RejectUnknownKeys();
        return pod;
    }

    private static HarborGcJobSpec ReadHarborGcJob(YamlMap map)
    {
        IFluidTemplate? template = null;
        if (map.OptionalString("log") is { } log && !Liquid.TryParse(log, out template, out var error))
            throw map.Error("log", $"is not a valid Liquid template: {error}");

        var job = new HarborGcJobSpec(
            map.OptionalLong("id", 1, long.MaxValue) ?? throw map.Error("id", "is required"),
            OneOf(map, "status", HarborJobStatuses) ?? throw map.Error("status", "is required"),
            map.OptionalBool("dryRun", fallback: false),
            StartedAt(map),
            template,
            map.LineOf("log"));
        map.RejectUnknownKeys();
        return job;
    }

    private static ForbiddenSpec ReadForbidden(YamlMap map)
    {
        var rule = new ForbiddenSpec(OneOf(map, "verb", Verbs) ?? throw map.Error("verb", "is required"),
            OneOf(map, "resource", Resources) ?? throw map.Error("resource", "is required"));
        map.RejectUnknownKeys();
        return rule;
    }

    /// <summary>
    /// A CronJob's pods carry <c>job-name=&lt;cronjob&gt;-&lt;n&gt;</c>, a Job's pods its name; the bot is
    /// pointed at the narrowest of these that finds every GC pod of the scenario.
    /// </summary>
    private static GcPodsSelector? SelectorFor(YamlMap map, List<GcPodSpec> pods)
    {
        if (pods.Count == 0)
            return null;

        var containers = pods.Select(p => p.Container).Distinct(StringComparer.Ordinal).ToList();
        if (containers.Count > 1)
            throw map.Error("gcPods", "must all log from the same container, as the bot reads one");

        var jobs = pods.Select(p => p.Labels.GetValueOrDefault("job-name")).ToList();
        if (jobs.All(j => j is not null))
        {
            if (jobs.Distinct(StringComparer.Ordinal).Count() == 1)
                return new GcPodsSelector("Job", jobs[0]!, containers[0]);

            var cronJobs = jobs.Select(j => CronJobJob().Match(j!)).ToList();
            if (cronJobs.All(m => m.Success)
                && cronJobs.Select(m => m.Groups["cronjob"].Value).Distinct(StringComparer.Ordinal).Count() == 1)
                return new GcPodsSelector("CronJob", cronJobs[0].Groups["cronjob"].Value, containers[0]);
        }

        if (pods.Count == 1)
            return new GcPodsSelector("Pod", pods[0].Name, containers[0]);

        throw map.Error(
            "gcPods",
            "needs a job-name label on every pod, all of one Job or of one CronJob (<cronjob>-<n>), or a single pod");
    }

    private static PodStart StartedAt(YamlMap map)
    {
        var text = map.RequireString("startedAt");
        if (Ago().Match(text) is { Success: true } ago)
        {
            var amount = int.Parse(ago.Groups["n"].Value, CultureInfo.InvariantCulture);
            return new PodStart(null, ago.Groups["unit"].Value switch
            {
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromMinutes(amount),
            });
        }

        if (DateTimeOffset.TryParseExact(
                text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return new PodStart(at, TimeSpan.Zero);

        throw map.Error(
            "startedAt", $"must be a UTC time like 2026-12-01T02:00:00Z or a span like 2d ago, not '{text}'");
    }

    private static string MountPath(YamlMap map)
    {
        var path = map.OptionalString("mountPath") ?? "/storage";
        if (!AbsolutePath().IsMatch(path) || path.Split('/').Any(part => part is "." or ".."))
            throw map.Error("mountPath", $"must be an absolute path without . or .. parts, not '{path}'");
        if (SystemDirectories.Any(d => path == d || path.StartsWith(d + "/", StringComparison.Ordinal)))
            throw map.Error("mountPath", $"'{path}' would hide a system directory from exec");
        return path.TrimEnd('/');
    }

    private static IReadOnlyList<string> Conditions(YamlMap? pvc)
    {
        var conditions = pvc?.OptionalStrings("conditions") ?? [];
        if (conditions.FirstOrDefault(c => !PvcConditionTypes.Contains(c)) is { } unknown)
        {
            throw pvc!.Error(
                "conditions", $"'{unknown}' is not a PVC condition; known: {string.Join(", ", PvcConditionTypes)}");
        }

        return conditions;
    }

    private static string? Quantity(YamlMap? map, string key) =>
        map?.OptionalSize(key, 1, MaxClaim) is { } bytes ? ByteSize.Format(bytes) : null;

    private static string? OneOf(YamlMap? map, string key, string[] allowed)
    {
        if (map?.OptionalString(key) is not { } value)
            return null;
        if (!allowed.Contains(value))
            throw map.Error(key, $"must be one of {string.Join(", ", allowed)}, not '{value}'");
        return value;
    }

    private static string Name(YamlMap map, string key, string? fallback, Regex pattern) =>
        OptionalName(map, key, pattern) ?? fallback ?? throw map.Error(key, "is required");

    private static string? OptionalName(YamlMap map, string key, Regex pattern)
    {
        var name = map.OptionalString(key);
        if (name is not null && !pattern.IsMatch(name))
            throw map.Error(key, $"'{name}' is not a valid Kubernetes name (lower-case letters, digits, dashes)");
        return name;
    }

    private static void CheckLabel(YamlMap map, string key, string name, string value)
    {
        if (!LabelKey().IsMatch(name) || !LabelValue().IsMatch(value))
            throw map.Error(key, $"'{name}: {value}' is not a valid Kubernetes label");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^(?<cronjob>[a-z0-9]([-a-z0-9]*[a-z0-9])?)-[0-9]+$")]
    private static partial Regex CronJobJob();

    [GeneratedRegex("^(?<n>[0-9]{1,4})(?<unit>[dhm]) ago$")]
    private static partial Regex Ago();

    [GeneratedRegex("^/[A-Za-z0-9._/-]+$")]
    private static partial Regex AbsolutePath();
}

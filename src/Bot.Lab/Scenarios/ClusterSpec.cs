namespace Bot.Lab.Scenarios;

/// <summary>
/// The scenario's <c>cluster:</c> section: what the simulated Kubernetes API says about the
/// registry's pod, its PVC and StorageClass, the GC pods and RBAC (docs/scenarios.md).
/// </summary>
public sealed record ClusterSpec
{
    public required string Namespace { get; init; }

    public required string Pod { get; init; }

    public required IReadOnlyDictionary<string, string> PodLabels { get; init; }

    public required string Container { get; init; }

    public required string MountPath { get; init; }

    public required string PvcName { get; init; }

    public required bool PvcExists { get; init; }

    /// <summary>Kubernetes quantities (<c>24Mi</c>); both default to the registry volume's size.</summary>
    public required string PvcRequestedSize { get; init; }

    public required string PvcCapacity { get; init; }

    public required string PvcPhase { get; init; }

    public required IReadOnlyList<string> PvcConditions { get; init; }

    public string? PvcAllocatedResourceStatus { get; init; }

    public string? StorageClass { get; init; }

    public required bool AllowVolumeExpansion { get; init; }

    public required IReadOnlyList<GcPodSpec> GcPods { get; init; }

    /// <summary>GC history served as Harbor's API, which the bot then reads; not with <see cref="GcPods"/>.</summary>
    public IReadOnlyList<HarborGcJobSpec> HarborGc { get; init; } = [];

    /// <summary>How the bot finds the GC pods; null when there are none (the bot then has no GC source).</summary>
    public GcPodsSelector? GcSelector { get; init; }

    public required IReadOnlyList<ForbiddenSpec> Forbidden { get; init; }

    /// <summary>The label selector that picks the registry pod, e.g. <c>app=harbor,component=registry</c>.</summary>
    public string LabelSelector =>
        string.Join(',', PodLabels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}

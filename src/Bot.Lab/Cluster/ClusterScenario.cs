namespace Bot.Lab.Cluster;

/// <summary>
/// What the simulated cluster holds: one registry pod whose storage mount is a real lab
/// directory, its PVC and StorageClass, GC pods with their logs, and the RBAC refusals to play.
/// Every property has a YAML key of the same name in camelCase (docs/cluster-simulator.md).
/// </summary>
public sealed record ClusterScenario
{
    public string Namespace { get; init; } = "harbor";

    public string RegistryPod { get; init; } = "harbor-registry-0";

    public Dictionary<string, string> RegistryPodLabels { get; init; } =
        new() { ["app"] = "harbor", ["component"] = "registry" };

    public string Container { get; init; } = "registry";

    /// <summary>Where the pod mounts its storage; exec sees <see cref="StorageDirectory"/> here.</summary>
    public string MountPath { get; init; } = "/storage";

    /// <summary>The lab directory behind the mount (the registry's rootdirectory, ideally on a tmpfs).</summary>
    public required string StorageDirectory { get; init; }

    /// <summary>
    /// When the registry container started; an hour before the simulator's clock when null (the lab's
    /// registry starts with its session, so scenario files have no key for it; tests set it).
    /// </summary>
    public DateTimeOffset? RegistryStartedAt { get; init; }

    /// <summary>The file served as the registry container's log (the lab registry's own); null: an empty log.</summary>
    public string? RegistryLogPath { get; init; }

    /// <summary>The PVC the pod mounts at <see cref="MountPath"/>; null mounts an emptyDir instead.</summary>
    public string? PvcName { get; init; } = "harbor-registry";

    /// <summary>False makes the PVC the pod names answer 404, as if it had been deleted.</summary>
    public bool PvcExists { get; init; } = true;

    public string PvcRequestedSize { get; init; } = "50Gi";

    public string PvcCapacity { get; init; } = "50Gi";

    public string PvcPhase { get; init; } = "Bound";

    /// <summary>PVC condition types reported as True, e.g. <c>FileSystemResizePending</c>.</summary>
    public List<string> PvcConditions { get; init; } = [];

    /// <summary><c>status.allocatedResourceStatuses.storage</c>, e.g. <c>NodeResizePending</c>.</summary>
    public string? PvcAllocatedResourceStatus { get; init; }

    /// <summary>The PVC's class; null leaves <c>storageClassName</c> unset.</summary>
    public string? StorageClass { get; init; } = "standard";

    public bool AllowVolumeExpansion { get; init; } = true;

    public List<GcPodScenario> GcPods { get; init; } = [];

    /// <summary>GC history served as Harbor's API (<see cref="HarborGcApi"/>), for a bot that reads it.</summary>
    public List<HarborGcJob> HarborGc { get; init; } = [];

    public string HarborUsername { get; init; } = "admin";

    public string HarborPassword { get; init; } = "lab-harbor";

    /// <summary>Verb/resource pairs RBAC refuses with 403, e.g. <c>{verb: create, resource: pods/exec}</c>.</summary>
    public List<ForbiddenRule> Forbidden { get; init; } = [];

    /// <summary>
    /// Serve whole logs whatever <c>sinceSeconds</c> asks, as a proxy or an old server that drops
    /// the parameter would; tests use it to see that the bot applies its window itself.
    /// </summary>
    public bool IgnoreSinceSeconds { get; init; }

    /// <summary>The bearer token the bot must present; the kubeconfig carries it.</summary>
    public string Token { get; init; } = "lab-triage-bot";
}

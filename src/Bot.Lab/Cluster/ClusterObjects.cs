using k8s.Models;

namespace Bot.Lab.Cluster;

/// <summary>The scenario as the API objects a real cluster returns, built from the client's own model types.</summary>
internal static class ClusterObjects
{
    public const string StorageVolume = "registry-data";

    public static V1Namespace Namespace(ClusterScenario scenario) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new V1ObjectMeta { Name = scenario.Namespace },
            Status = new V1NamespaceStatus { Phase = "Active" },
        };

    public static V1Pod RegistryPod(ClusterScenario scenario, DateTime started)
    {
        var volume = scenario.PvcName is null
            ? new V1Volume { Name = StorageVolume, EmptyDir = new V1EmptyDirVolumeSource() }
            : new V1Volume
            {
                Name = StorageVolume,
                PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = scenario.PvcName },
            };
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = Meta(scenario.RegistryPod, scenario.Namespace, scenario.RegistryPodLabels, started),
            Spec = new V1PodSpec
            {
                Containers =
                [
                    new V1Container
                    {
                        Name = scenario.Container,
                        Image = "goharbor/registry-photon:v2.11.0",
                        VolumeMounts = [new V1VolumeMount { Name = StorageVolume, MountPath = scenario.MountPath }],
                    },
                ],
                Volumes = [volume],
            },
            Status = new V1PodStatus { Phase = "Running", StartTime = started },
        };
    }

    public static V1Pod GcPod(ClusterScenario scenario, GcPodScenario gc, DateTime fallbackStart)
    {
        var started = gc.StartedAt?.UtcDateTime ?? fallbackStart;
        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = Meta(gc.Name, scenario.Namespace, gc.Labels, started),
            Spec = new V1PodSpec { Containers = [new V1Container { Name = gc.Container, Image = "registry:2" }] },
            Status = new V1PodStatus { Phase = gc.Phase, StartTime = started },
        };
    }

    public static V1PersistentVolumeClaim Pvc(ClusterScenario scenario) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "PersistentVolumeClaim",
            Metadata = new V1ObjectMeta { Name = scenario.PvcName, NamespaceProperty = scenario.Namespace },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                StorageClassName = scenario.StorageClass,
                Resources = new V1VolumeResourceRequirements
                {
                    Requests = new Dictionary<string, ResourceQuantity>
                    {
                        ["storage"] = new(scenario.PvcRequestedSize),
                    },
                },
            },
            Status = new V1PersistentVolumeClaimStatus
            {
                Phase = scenario.PvcPhase,
                Capacity = new Dictionary<string, ResourceQuantity> { ["storage"] = new(scenario.PvcCapacity) },
                Conditions =
                [
                    .. scenario.PvcConditions.Select(
                        c => new V1PersistentVolumeClaimCondition { Type = c, Status = "True" }),
                ],
                AllocatedResourceStatuses = scenario.PvcAllocatedResourceStatus is null
                    ? null
                    : new Dictionary<string, string> { ["storage"] = scenario.PvcAllocatedResourceStatus },
            },
        };

    public static V1StorageClass StorageClass(ClusterScenario scenario) =>
        new()
        {
            ApiVersion = "storage.k8s.io/v1",
            Kind = "StorageClass",
            Metadata = new V1ObjectMeta { Name = scenario.StorageClass },
            Provisioner = "lab.local/tmpfs",
            AllowVolumeExpansion = scenario.AllowVolumeExpansion,
        };

    public static V1Status Status(int code, string reason, string message) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "Status",
            Status = "Failure",
            Code = code,
            Reason = reason,
            Message = message,
            Metadata = new V1ListMeta(),
        };

    /// <summary>
    /// The message an API server gives for an RBAC refusal; the bot reads the verb and resource from it.
    /// </summary>
    public static V1Status Forbidden(ClusterScenario scenario, string verb, string resource, string? name)
    {
        var group = resource == "storageclasses" ? "storage.k8s.io" : "";
        var kind = resource.Split('/')[0] + (group.Length > 0 ? "." + group : "");
        var scope = resource == "storageclasses"
            ? "at the cluster scope"
            : $"in the namespace \"{scenario.Namespace}\"";
        var subject = name is null ? kind : $"{kind} \"{name}\"";
        return Status(403, "Forbidden",
            $"{subject} is forbidden: User \"system:serviceaccount:{scenario.Namespace}:triage-bot\" " +
            $"cannot {verb} resource \"{resource}\" in API group \"{group}\" {scope}");
    }

    private static V1ObjectMeta Meta(
        string name, string @namespace, Dictionary<string, string> labels, DateTime created) =>
        new()
        {
            Name = name,
            NamespaceProperty = @namespace,
            Labels = new Dictionary<string, string>(labels),
            CreationTimestamp = created,
        };
}

using k8s.Models;

namespace Bot.Kubernetes.Volume;

/// <summary>What the PVC and its StorageClass say about growing the volume (DOMAIN §6.1).</summary>
internal sealed record PvcFacts(
    string Name, string? Phase, string? Requested, string? Capacity, string? StorageClass, bool ResizeInProgress)
{
    private static readonly string[] ResizeConditions = ["Resizing", "FileSystemResizePending"];

    public static PvcFacts Of(V1PersistentVolumeClaim pvc)
    {
        var requests = pvc.Spec?.Resources?.Requests;
        var requested = requests is not null && requests.TryGetValue("storage", out var r) ? r.ToString() : null;
        var capacity = pvc.Status?.Capacity is { } caps && caps.TryGetValue("storage", out var c) ? c.ToString() : null;
        var conditions = pvc.Status?.Conditions?.Where(x => x.Status == "True").Select(x => x.Type) ?? [];
        var statuses = pvc.Status?.AllocatedResourceStatuses;
        var allocated = statuses is not null && statuses.TryGetValue("storage", out var a) ? a : null;
        var resizing = conditions.Any(ResizeConditions.Contains)
            || allocated is "ControllerResizeInProgress" or "NodeResizePending" or "NodeResizeInProgress";
        var storageClass = pvc.Spec?.StorageClassName;
        return new PvcFacts(pvc.Metadata.Name, pvc.Status?.Phase, requested, capacity, storageClass, resizing)
        {
            Conditions = string.Join(", ", pvc.Status?.Conditions?.Select(x => $"{x.Type}={x.Status}") ?? []),
            AllocatedStatus = allocated,
        };
    }

    public string Conditions { get; init; } = "";

    public string? AllocatedStatus { get; init; }

    public string Describe() =>
        $"phase {Phase ?? "?"}, requested {Requested ?? "?"}, capacity {Capacity ?? "?"}, " +
        $"storageClass {StorageClass ?? "(none)"}" +
        (Conditions.Length > 0 ? $", conditions {Conditions}" : "") +
        (AllocatedStatus is null ? "" : $", allocatedResourceStatuses.storage {AllocatedStatus}");
}

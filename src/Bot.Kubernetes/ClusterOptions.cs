using Bot.Kubernetes.Gc;

namespace Bot.Kubernetes;

/// <summary>Where the registry runs in the cluster and how far the checks may go; section <c>Cluster</c>.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>A kubeconfig path; empty uses the default chain ($KUBECONFIG, ~/.kube/config, in-cluster).</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>The registry's namespace, e.g. <c>harbor</c>.</summary>
    public string Namespace { get; set; } = "default";

    /// <summary>Selects the registry pod, e.g. <c>app=harbor,component=registry</c>.</summary>
    public string LabelSelector { get; set; } = "component=registry";

    /// <summary>The container that mounts the storage and whose log is the registry's.</summary>
    public string Container { get; set; } = "registry";

    /// <summary>Where the registry's storage is mounted in that container (Harbor: <c>/storage</c>).</summary>
    public string StorageMountPath { get; set; } = "/storage";

    /// <summary>Use at or above this is a full volume (DOMAIN §6.3).</summary>
    public int UsageThresholdPercent { get; set; } = 90;

    /// <summary>How long one exec (df, find, du, stat) may take.</summary>
    public TimeSpan ExecTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Output kept from one exec; the rest is dropped and the evidence says so.</summary>
    public int MaxExecOutputBytes { get; set; } = 256 * 1024;

    /// <summary>How far back the registry's log is read for failed writes.</summary>
    public TimeSpan RegistryLogWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>At most this much of a pod log is read; matching lines are kept, the rest is dropped.</summary>
    public long MaxLogBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Blob data files at least this large are listed as the largest.</summary>
    public long LargeBlobThresholdKiB { get; set; } = 100 * 1024;

    /// <summary>Where the registry's garbage collection is read from.</summary>
    public GcOptions Gc { get; set; } = new();
}

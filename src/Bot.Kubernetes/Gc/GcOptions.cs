namespace Bot.Kubernetes.Gc;

/// <summary>Where GC history comes from; section <c>Cluster:Gc</c>.</summary>
public sealed class GcOptions
{
    public GcSourceKind Source { get; set; } = GcSourceKind.None;

    public HarborGcOptions Harbor { get; set; } = new();

    public PodLogsGcOptions PodLogs { get; set; } = new();

    /// <summary>How many of the latest runs are read.</summary>
    public int MaxRuns { get; set; } = 10;
}

namespace Bot.Kubernetes.Gc;

/// <summary>Where GC runs are read from. Throws <c>ClusterCallException</c> for a source that cannot be read.</summary>
public interface IGcSource
{
    /// <summary>Short name for evidence: <c>harbor</c> or <c>pod-logs</c>.</summary>
    string Name { get; }

    /// <summary>What was asked, for the evidence (no credentials).</summary>
    string Describe();

    Task<GcHistory> ReadAsync(CancellationToken cancellationToken);
}

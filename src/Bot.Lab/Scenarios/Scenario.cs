namespace Bot.Lab.Scenarios;

/// <summary>One rehearsable incident, as read from a file in <c>scenarios/</c> (docs/scenarios.md).</summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    /// <summary>The one-line story shown when the lab starts.</summary>
    public required string Story { get; init; }

    public required RegistrySpec Registry { get; init; }

    public required IReadOnlyList<ImageSpec> Images { get; init; }

    public required IReadOnlyList<CacheSpec> Caches { get; init; }

    /// <summary>Orphaned layers that fill the volume before the failure; null for none.</summary>
    public FillerSpec? Filler { get; init; }

    public required FailureSpec Failure { get; init; }

    public required CiSpec Ci { get; init; }

    /// <summary>The simulated Kubernetes cluster around the registry; null: the lab starts none.</summary>
    public ClusterSpec? Cluster { get; init; }

    /// <summary>The file it came from, for messages.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The cache the failure aims at: the one it names, else the first.</summary>
    public CacheSpec? TargetCache =>
        Failure.Cache is null
            ? (Caches.Count > 0 ? Caches[0] : null)
            : Caches.FirstOrDefault(c => c.Reference == Failure.Cache);
}

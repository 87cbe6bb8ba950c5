using Bot.Core.Targets;

namespace Bot.Core.Investigations;

/// <summary>
/// What earlier steps learned that later steps need: the ref the CI log named, the manifest's
/// descriptors, the blobs found broken. Persisted with the investigation so a restart resumes
/// with everything the finished steps knew.
/// </summary>
public sealed record Clues
{
    public RunLink? RunLink { get; init; }

    /// <summary>The cache or image reference under suspicion, e.g. <c>registry.internal:5000/app:cache</c>.</summary>
    public string? ImageRef { get; init; }

    /// <summary>The error class the CI log classifier gave, e.g. <c>cache-blob-not-found</c>.</summary>
    public string? CiErrorClass { get; init; }

    /// <summary>
    /// Whether the run's latest attempt has a failed job: false for a green run, null when no run
    /// was read (a plain reference, or GitHub could not be asked).
    /// </summary>
    public bool? CiRunFailed { get; init; }

    /// <summary>Whether the CI failure involves the registry at all, as far as the log tells.</summary>
    public bool? CiFailureInvolvesRegistry { get; init; }

    public string? DigestFromLog { get; init; }

    public string? ManifestDigest { get; init; }

    /// <summary>
    /// The manifest's shape: <c>cache-index</c>, <c>cache-image-manifest</c>, <c>image</c> or <c>index</c>.
    /// </summary>
    public string? ManifestKind { get; init; }

    /// <summary>The class of the registry's answer when the manifest could not be read.</summary>
    public string? RegistryProblem { get; init; }

    public IReadOnlyList<BlobClue> Blobs { get; init; } = [];

    public IReadOnlyList<BrokenBlob> BrokenBlobs { get; init; } = [];

    // What the volume step learned (cluster adapter). Null means "not checked", never "fine".

    /// <summary>The PVC mounted at the registry's storage path.</summary>
    public string? PvcName { get; init; }

    public string? StorageClassName { get; init; }

    /// <summary>Use of the registry's storage file system, from <c>df -P</c>, in percent.</summary>
    public int? VolumeUsePercent { get; init; }

    /// <summary>The use at or above which the volume counts as full (from configuration).</summary>
    public int? VolumeFullThresholdPercent { get; init; }

    public long? VolumeSizeBytes { get; init; }

    public long? VolumeAvailableBytes { get; init; }

    /// <summary>What the PVC asks for, e.g. <c>50Gi</c>.</summary>
    public string? PvcRequestedSize { get; init; }

    /// <summary>Whether the PVC's StorageClass has <c>allowVolumeExpansion: true</c>.</summary>
    public bool? VolumeExpandable { get; init; }

    /// <summary>A resize is under way (a Resizing/FileSystemResizePending condition or allocated status).</summary>
    public bool? VolumeResizeInProgress { get; init; }

    /// <summary>Whether the first broken blob's <c>data</c> file exists on the volume.</summary>
    public bool? BrokenBlobOnDisk { get; init; }

    /// <summary>The size of the first broken blob's <c>data</c> file on the volume, when it exists.</summary>
    public long? BrokenBlobSizeOnDisk { get; init; }

    public int? ZeroByteBlobFiles { get; init; }

    public int? ZeroByteLinks { get; init; }

    /// <summary>Space held by abandoned uploads (<c>_uploads</c>), in bytes.</summary>
    public long? UploadsBytes { get; init; }

    /// <summary>Write failures the registry logged inside the log window, oldest first (bounded).</summary>
    public IReadOnlyList<RegistryWriteError> RegistryWriteErrors { get; init; } = [];

    // What the GC step learned.

    /// <summary>The outcome class of the latest GC run; one of <see cref="GcOutcomes"/>.</summary>
    public string? GcOutcome { get; init; }

    /// <summary>Why the latest GC run failed, as the log said it (one line, cut).</summary>
    public string? GcFailureDetail { get; init; }

    public DateTimeOffset? GcLastRunAt { get; init; }

    public DateTimeOffset? GcLastSuccessAt { get; init; }

    /// <summary>Failed runs since the last success (or in all the history read, without a success).</summary>
    public int? GcFailedRunsSinceSuccess { get; init; }
}

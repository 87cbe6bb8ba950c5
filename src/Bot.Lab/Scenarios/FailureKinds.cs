namespace Bot.Lab.Scenarios;

/// <summary>The spelling of <see cref="FailureKind"/> in scenario files.</summary>
public static class FailureKinds
{
    private static readonly Dictionary<string, FailureKind> ByName = new(StringComparer.Ordinal)
    {
        ["none"] = FailureKind.None,
        ["enospc-during-cache-push"] = FailureKind.EnospcDuringCachePush,
        ["blob-deleted"] = FailureKind.BlobDeleted,
        ["zero-byte-link"] = FailureKind.ZeroByteLink,
        ["zero-byte-manifest"] = FailureKind.ZeroByteManifest,
        ["registry-stopped"] = FailureKind.RegistryStopped,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string text, out FailureKind kind) => ByName.TryGetValue(text, out kind);

    public static string NameOf(FailureKind kind) => ByName.First(pair => pair.Value == kind).Key;

    /// <summary>Kinds that damage one blob of a cache, so the scenario needs a cache to aim at.</summary>
    public static bool TargetsCache(FailureKind kind) =>
        kind is FailureKind.EnospcDuringCachePush or FailureKind.BlobDeleted
            or FailureKind.ZeroByteLink or FailureKind.ZeroByteManifest;

    /// <summary>
    /// Kinds whose damage is on disk, where a restart matters: the in-memory blob-descriptor cache
    /// keeps answering for a blob until the registry restarts (DOMAIN.md §1, pitfall 2).
    /// </summary>
    public static bool AllowsRestart(FailureKind kind) =>
        kind is FailureKind.EnospcDuringCachePush or FailureKind.BlobDeleted or FailureKind.ZeroByteLink;
}

namespace Bot.Lab.Scenarios;

/// <summary>What the lab breaks after the pushes, each the way it happens on a real registry.</summary>
public enum FailureKind
{
    /// <summary>Nothing: a healthy registry and a healthy cache.</summary>
    None,

    /// <summary>A cache push meets a full disk; a real ENOSPC leaves a referenced layer's link empty.</summary>
    EnospcDuringCachePush,

    /// <summary>A referenced layer's data file is gone (as after a GC that raced a push).</summary>
    BlobDeleted,

    /// <summary>A referenced layer's <c>_layers/…/link</c> is empty.</summary>
    ZeroByteLink,

    /// <summary>The cache manifest's own data file is empty, after a manifest PUT on a full disk.</summary>
    ZeroByteManifest,

    /// <summary>The registry process is not running.</summary>
    RegistryStopped,
}

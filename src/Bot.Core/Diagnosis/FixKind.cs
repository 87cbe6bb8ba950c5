namespace Bot.Core.Diagnosis;

/// <summary>The fixes the bot can offer. Offering is not running: every fix waits for an approval.</summary>
public enum FixKind
{
    /// <summary>Delete the corrupt cache manifest by digest so the next build exports a fresh cache.</summary>
    DeleteCacheManifest,

    /// <summary>Re-run the failed CI jobs.</summary>
    RerunCi,

    /// <summary>Run the registry's garbage collection to give back the space orphaned layers hold.</summary>
    RunGc,

    /// <summary>Grow the registry's PVC (merge-patch its storage request); only on an expandable class.</summary>
    ResizePvc,
}

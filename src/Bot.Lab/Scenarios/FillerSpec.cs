namespace Bot.Lab.Scenarios;

/// <summary>
/// How much the volume holds besides the scenario's images and caches: orphaned layers, pushed as
/// untagged blobs, like the ones a failing GC leaves behind. Exactly one of the two is set.
/// </summary>
/// <param name="UsedPercent">Fill until the volume is this full (1–99).</param>
/// <param name="Bytes">Push this many bytes of orphaned layers.</param>
public sealed record FillerSpec(int? UsedPercent, long? Bytes);

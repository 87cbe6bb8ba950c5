using Bot.Lab.Registry;
using Bot.Lab.Scenarios;

namespace Bot.Lab.Sessions;

/// <summary>
/// Fills the volume with orphaned layers (untagged, unreferenced blobs) until it holds the bytes
/// or reaches the usage the scenario asks for. They go through the registry, so they sit where
/// real orphans sit and a real garbage collection frees them.
/// </summary>
internal static class VolumeFiller
{
    private const long Chunk = 1L << 20;

    /// <summary>Close enough: tmpfs rounds every file to a page, and each blob costs a link page too.</summary>
    private const long Slack = 3 * 4096;

    /// <returns>The bytes of orphaned layers pushed.</returns>
    public static async Task<long> FillAsync(
        ScenarioPusher pusher,
        string mountPoint,
        string repository,
        FillerSpec filler,
        CancellationToken cancellationToken)
    {
        var pushed = 0L;
        for (var i = 0; ; i++)
        {
            var remaining = filler.Bytes is { } bytes
                ? bytes - pushed
                : BytesToTarget(mountPoint, filler.UsedPercent!.Value);
            if (remaining <= Slack)
                return pushed;

            var size = Math.Min(Chunk, remaining - (filler.Bytes is null ? Slack : 0));
            await pusher.PushOrphanAsync(repository, $"orphan#{i}", size, cancellationToken);
            pushed += size;
        }
    }

    private static long BytesToTarget(string mountPoint, int usedPercent)
    {
        var usage = VolumeUsage.Of(mountPoint);
        return (usage.TotalBytes * usedPercent / 100) - usage.UsedBytes;
    }
}

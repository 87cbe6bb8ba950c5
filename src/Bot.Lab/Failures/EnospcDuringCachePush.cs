using System.Net;
using Bot.Lab.Registry;
using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;

namespace Bot.Lab.Failures;

/// <summary>
/// The incident: a cache push on a full volume leaves the cache tag on a manifest whose newest
/// layer cannot be read. Done with a real ENOSPC, in the one order distribution 2.8.2 allows.
/// </summary>
/// <remarks>
/// 2.8.2 verifies every reference on a manifest PUT, and a 0-byte link fails that check (400
/// MANIFEST_BLOB_UNKNOWN), so a layer that is broken first can never be tagged. The layer must break
/// after the tag moved. That happens when several exporters push the same layer at once (matrix
/// jobs sharing one cache ref): all HEAD it while it is missing, all upload it. The first commit
/// links it and its cache manifest moves the tag. The later commits, on a now full and busy volume,
/// rewrite the same <c>_layers/…/link</c>: the truncation frees the link's page, another writer
/// takes it, and the write fails with "no space left on device", leaving the link empty; on a full
/// volume no later rewrite can fill it again. From then on HEAD and GET of the layer answer 500,
/// once nothing remembers the blob: with the in-memory blob-descriptor cache on, after a restart.
/// Losing the page is a race, so the lab runs the late commits concurrently, with the registry
/// reniced as on a starved node, and repeats the round until the link is empty.
/// </remarks>
internal sealed class EnospcDuringCachePush : IFailureInducer
{
    private const int MaxRounds = 60;
    private const int MaxExporters = 8;

    /// <summary>Room an upload needs besides its bytes: startedat and hash-state files, and slack.</summary>
    private const long UploadOverhead = 4 * 4096;

    public bool PutsCacheManifest => false;

    public async Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken)
    {
        var layer = context.Layer;
        var bytes = ScenarioPusher.LayerBytes($"cache:{context.CacheSpec.Reference}", context.LayerIndex, layer.Size);
        var link = context.Layout.LayerLink(context.Cache.Repository, layer.Digest);
        var answers = new List<string>();
        await ProcessPriority.SetNiceAsync(context.Registry.ProcessId!.Value, 19, cancellationToken);

        for (var round = 1; round <= MaxRounds; round++)
        {
            // The late exporters' bytes land while there is still room; only their commits meet the full disk.
            var exporters = (int)Math.Clamp(
                VolumeUsage.Of(context.MountPoint).FreeBytes / (layer.Size + UploadOverhead) - 1, 1, MaxExporters);
            var locations = new List<string>();
            for (var i = 0; i < exporters; i++)
            {
                locations.Add(await ChunkedUpload.StartAndWriteAsync(
                    context.Http, context.Cache.Repository, bytes, cancellationToken));
            }

            (HttpStatusCode Status, string Body)[] commits;
            using (DiskPressure.Start(context.MountPoint))
            {
                commits = await Task.WhenAll(locations.Select(
                    location => ChunkedUpload.CommitAsync(context.Http, location, layer.Digest, cancellationToken)));
            }

            answers.AddRange(commits.Select(c => $"{(int)c.Status} {c.Body}".Trim()));
            if (new FileInfo(link).Length == 0 && commits.Any(c => c.Status == HttpStatusCode.InternalServerError))
            {
                LabLog.LinkLostToEnospc(context.Logger, layer.Digest, round);
                await AfterwardsAsync(context, cancellationToken);
                return new InducedFailure(
                    FailureKind.EnospcDuringCachePush,
                    $"{context.Cache.Reference} points at {context.Cache.Digest}; its layer {layer.Digest} has a " +
                    $"0-byte link after a commit failed with no space left on device" +
                    (context.Scenario.Failure.Restart ? "; the registry was restarted." : "."),
                    context.Cache.Repository,
                    layer);
            }

            // The registry won every race for the freed page and rewrote the link whole: another round.
            LabLog.EnospcAttemptMissed(context.Logger, round, exporters);
        }

        throw new LabSetupException(
            $"After {MaxRounds} rounds of commits on a full volume, the link of {layer.Digest} was still intact; " +
            "the disk-full induction did not take, so this scenario cannot be rehearsed on this machine. " +
            "The commits answered: " + string.Join("; ", answers.GroupBy(a => a).Select(g => $"{g.Count()}x {g.Key}")));
    }

    private static async Task AfterwardsAsync(InductionContext context, CancellationToken cancellationToken)
    {
        if (context.Scenario.Failure.Restart)
            await context.Registry.RestartAsync(settings: null, cancellationToken);
        else
            await ProcessPriority.SetNiceAsync(context.Registry.ProcessId!.Value, 0, cancellationToken);
    }
}

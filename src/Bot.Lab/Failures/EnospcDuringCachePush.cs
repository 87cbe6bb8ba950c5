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
/// after the tag moved. That happens when two exporters push the same layer at once (matrix jobs
/// sharing one cache ref): both HEAD it while it is missing, both upload it. The first commit links
/// it and its cache manifest moves the tag. The second commit, on a now full volume, rewrites the
/// same <c>_layers/…/link</c>: the truncation frees the link's page, another writer takes it, and
/// the write fails with "no space left on device", leaving the link empty. From then on HEAD and
/// GET of the layer answer 500, once nothing remembers the blob: with the in-memory blob-descriptor
/// cache on, only after a registry restart.
/// </remarks>
internal sealed class EnospcDuringCachePush : IFailureInducer
{
    private const int MaxAttempts = 25;

    public bool PutsCacheManifest => false;

    public async Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken)
    {
        var layer = context.Layer;
        var bytes = ScenarioPusher.LayerBytes($"cache:{context.CacheSpec.Reference}", context.LayerIndex, layer.Size);
        var link = context.Layout.LayerLink(context.Cache.Repository, layer.Digest);

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // The second exporter's bytes land while there is still room; only its commit meets the full disk.
            var location = await ChunkedUpload.StartAndWriteAsync(context.Http, context.Cache.Repository, bytes, cancellationToken);

            (HttpStatusCode Status, string Body) commit;
            using (DiskPressure.Start(context.MountPoint))
                commit = await ChunkedUpload.CommitAsync(context.Http, location, layer.Digest, cancellationToken);

            if (commit.Status == HttpStatusCode.InternalServerError && new FileInfo(link).Length == 0)
            {
                LabLog.LinkLostToEnospc(context.Logger, layer.Digest, attempt);
                if (context.Scenario.Failure.Restart)
                    await context.Registry.RestartAsync(settings: null, cancellationToken);

                return new InducedFailure(
                    FailureKind.EnospcDuringCachePush,
                    $"{context.Cache.Reference} points at {context.Cache.Digest}; its layer {layer.Digest} has a " +
                    $"0-byte link after a commit failed with no space left on device" +
                    (context.Scenario.Failure.Restart ? "; the registry was restarted." : "."),
                    context.Cache.Repository,
                    layer);
            }

            // The registry won the race for the freed page and rewrote the link whole: try again.
            LabLog.EnospcAttemptMissed(context.Logger, attempt, (int)commit.Status);
        }

        throw new LabSetupException(
            $"After {MaxAttempts} commits on a full volume, the link of {layer.Digest} was still intact; " +
            "the disk-full induction did not take, so this scenario cannot be rehearsed on this machine.");
    }
}

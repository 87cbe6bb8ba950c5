using Bot.Lab.Scenarios;

namespace Bot.Lab.Failures;

/// <summary>
/// A referenced layer's data file disappears from under the registry, as when a garbage collection
/// runs during a push (distribution docs/garbage-collection.md). Without a restart the in-memory
/// blob-descriptor cache still vouches for it: HEAD 200, GET 200 with no bytes. After one: 404.
/// </summary>
internal sealed class BlobDeleted : IFailureInducer
{
    public bool PutsCacheManifest => false;

    public async Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken)
    {
        var layer = context.Layer;
        File.Delete(context.Layout.BlobData(layer.Digest));
        if (context.Scenario.Failure.Restart)
            await context.Registry.RestartAsync(settings: null, cancellationToken);

        return new InducedFailure(
            FailureKind.BlobDeleted,
            $"The data file of {layer.Digest}, a layer of {context.Cache.Reference}, was deleted" +
            (context.Scenario.Failure.Restart ? "; the registry was restarted." : "; the registry was not restarted."),
            context.Cache.Repository,
            layer);
    }
}

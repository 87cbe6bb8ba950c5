using Bot.Lab.Scenarios;

namespace Bot.Lab.Failures;

/// <summary>
/// A referenced layer's <c>_layers/…/link</c> is emptied, the state a failed link write leaves.
/// The registry then answers 500 "invalid checksum digest format" for the layer, once its cache
/// forgets the blob; restart it, or run the scenario with the blob-descriptor cache off.
/// </summary>
internal sealed class ZeroByteLink : IFailureInducer
{
    public bool PutsCacheManifest => false;

    public async Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken)
    {
        var layer = context.Layer;
        var link = context.Layout.LayerLink(context.Cache.Repository, layer.Digest);
        await File.WriteAllBytesAsync(link, [], cancellationToken);
        if (context.Scenario.Failure.Restart)
            await context.Registry.RestartAsync(settings: null, cancellationToken);

        return new InducedFailure(
            FailureKind.ZeroByteLink,
            $"The link of {layer.Digest}, a layer of {context.Cache.Reference}, was emptied" +
            (context.Scenario.Failure.Restart ? "; the registry was restarted." : "."),
            context.Cache.Repository,
            layer);
    }
}

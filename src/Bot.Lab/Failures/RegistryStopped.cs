using Bot.Lab.Scenarios;

namespace Bot.Lab.Failures;

/// <summary>The registry process is gone: its port refuses connections, as when the pod is down.</summary>
internal sealed class RegistryStopped : IFailureInducer
{
    public bool PutsCacheManifest => false;

    public async Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken)
    {
        await context.Registry.StopAsync();
        return new InducedFailure(
            FailureKind.RegistryStopped, $"The registry on {context.Registry.BaseUri} was stopped.", null, null);
    }
}

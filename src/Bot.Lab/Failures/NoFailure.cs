using Bot.Lab.Scenarios;

namespace Bot.Lab.Failures;

/// <summary>A healthy registry: the bot should find nothing wrong with it.</summary>
internal sealed class NoFailure : IFailureInducer
{
    public bool PutsCacheManifest => false;

    public Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(
            new InducedFailure(FailureKind.None, "Nothing was broken; the registry is healthy.", null, null));
}

namespace Bot.Lab.Failures;

/// <summary>Breaks a freshly pushed registry in one specific way, the way it happens for real.</summary>
internal interface IFailureInducer
{
    /// <summary>True when the target cache's manifest must not be PUT before <see cref="InduceAsync"/>, which PUTs it.</summary>
    bool PutsCacheManifest { get; }

    Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken);
}

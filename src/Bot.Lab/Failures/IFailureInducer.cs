namespace Bot.Lab.Failures;

/// <summary>Breaks a freshly pushed registry in one specific way, the way it happens for real.</summary>
internal interface IFailureInducer
{
    /// <summary>True when <see cref="InduceAsync"/> PUTs the target cache's manifest itself.</summary>
    bool PutsCacheManifest { get; }

    Task<InducedFailure> InduceAsync(InductionContext context, CancellationToken cancellationToken);
}

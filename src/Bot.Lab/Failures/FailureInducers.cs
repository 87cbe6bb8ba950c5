using Bot.Lab.Scenarios;

namespace Bot.Lab.Failures;

/// <summary>Picks the inducer for a failure kind.</summary>
internal static class FailureInducers
{
    public static IFailureInducer For(FailureKind kind) => kind switch
    {
        FailureKind.None => new NoFailure(),
        FailureKind.EnospcDuringCachePush => new EnospcDuringCachePush(),
        FailureKind.BlobDeleted => new BlobDeleted(),
        FailureKind.ZeroByteLink => new ZeroByteLink(),
        FailureKind.ZeroByteManifest => new ZeroByteManifest(),
        FailureKind.RegistryStopped => new RegistryStopped(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No inducer for this failure kind."),
    };
}

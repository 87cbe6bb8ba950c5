using Bot.Registry.Http;

namespace Bot.Registry.Blobs;

/// <summary>
/// The blob check's result: a verdict per blob it could check, and the first problem that stopped
/// it from checking (auth, rate limit, unreachable), with the request that met it.
/// </summary>
public sealed record BlobCheckReport(
    IReadOnlyList<BlobOutcome> Outcomes, RegistryFailure? Failure, string? FailedRequest, int Requested)
{
    public IReadOnlyList<BlobOutcome> Broken => [.. Outcomes.Where(o => o.IsBroken)];

    public int PresentCount => Outcomes.Count(o => !o.IsBroken);
}

using Bot.Core.Targets;

namespace Bot.GitHub.Api;

/// <summary>Finds the failed job of a run and reads its log.</summary>
public interface ICiLogSource
{
    /// <summary>Never throws for a remote failure; cancellation still throws.</summary>
    Task<CiLogFetch> FetchFailedJobLogAsync(RunLink link, CancellationToken cancellationToken);
}

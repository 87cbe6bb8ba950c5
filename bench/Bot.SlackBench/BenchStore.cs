using Bot.Core.Investigations;

namespace Bot.SlackBench;

/// <summary>
/// An empty investigation store: every click in the bench names an investigation the bot does not know.
/// </summary>
internal sealed class BenchStore : IInvestigationStore
{
    public Task SaveAsync(InvestigationSnapshot snapshot, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<InvestigationSnapshot?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult<InvestigationSnapshot?>(null);

    public Task<IReadOnlyList<InvestigationSnapshot>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InvestigationSnapshot>>([]);
}

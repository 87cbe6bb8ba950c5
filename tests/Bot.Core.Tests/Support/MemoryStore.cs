using Bot.Core.Investigations;

namespace Bot.Core.Tests.Support;

/// <summary>A store in memory that keeps every saved snapshot, so tests can see each transition.</summary>
internal sealed class MemoryStore : IInvestigationStore
{
    private readonly Dictionary<string, InvestigationSnapshot> _latest = [];

    public List<InvestigationSnapshot> Saves { get; } = [];

    /// <summary>Makes every save fail, as a full or locked database would.</summary>
    public bool FailSaves { get; set; }

    public Task SaveAsync(InvestigationSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (FailSaves)
            throw new IOException("The store is unavailable.");

        Saves.Add(snapshot);
        _latest[snapshot.Id] = snapshot;
        return Task.CompletedTask;
    }

    public Task<InvestigationSnapshot?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_latest.GetValueOrDefault(id));

    public Task<IReadOnlyList<InvestigationSnapshot>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InvestigationSnapshot>>(
            [.. _latest.Values.Where(s => s.State != InvestigationState.Concluded)]);
}

using System.Collections.Concurrent;
using Bot.Core.Investigations;

namespace Bot.Slack.Tests.Support;

/// <summary>A test-only store; the real one (SQLite) belongs to the storage adapter.</summary>
internal sealed class InMemoryInvestigationStore : IInvestigationStore
{
    private readonly ConcurrentDictionary<string, InvestigationSnapshot> _snapshots = new();
    private int _saves;

    /// <summary>How many times anything was saved, for tests that must see nothing change.</summary>
    public int Saves => Volatile.Read(ref _saves);

    public Task SaveAsync(InvestigationSnapshot snapshot, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _saves);
        _snapshots[snapshot.Id] = snapshot;
        return Task.CompletedTask;
    }

    public Task<InvestigationSnapshot?> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_snapshots.GetValueOrDefault(id));

    public Task<IReadOnlyList<InvestigationSnapshot>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InvestigationSnapshot>>(
            [.. _snapshots.Values.Where(s => s.State != InvestigationState.Concluded).OrderBy(s => s.CreatedAt)]);
}

namespace Bot.Core.Investigations;

/// <summary>
/// Durable investigations. <see cref="SaveAsync"/> writes the state, the clues and any new step
/// records in one transaction, so a crash leaves either the old state or the new one.
/// </summary>
public interface IInvestigationStore
{
    Task SaveAsync(InvestigationSnapshot snapshot, CancellationToken cancellationToken);

    Task<InvestigationSnapshot?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Investigations a previous process left mid-walk, oldest first.</summary>
    Task<IReadOnlyList<InvestigationSnapshot>> ListUnfinishedAsync(CancellationToken cancellationToken);
}

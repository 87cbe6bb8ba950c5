using Bot.Core.Investigations;

namespace Bot.Core.Triage;

/// <summary>
/// Drains the queue: resumes what a previous process left unfinished, then runs each new
/// investigation to its conclusion. One runner per investigation, so the state machine is
/// never driven from two threads.
/// </summary>
public sealed class TriageWorker(
    TriageQueue queue,
    IInvestigationStore store,
    InvestigationRunner runner,
    IEnumerable<IInvestigationObserver> observers)
{
    private readonly IInvestigationObserver[] _observers = [.. observers];

    /// <summary>Queues the unfinished investigations found in the store; call once at start-up.</summary>
    public async Task<IReadOnlyList<string>> RequeueUnfinishedAsync(CancellationToken cancellationToken)
    {
        var unfinished = await store.ListUnfinishedAsync(cancellationToken);
        return [.. unfinished.Select(snapshot => snapshot.Id).Where(queue.TryEnqueue)];
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var id in queue.ReadAllAsync(cancellationToken))
            await RunOneAsync(id, cancellationToken);
    }

    /// <summary>Runs one stored investigation to its end; used by the loop and by one-shot commands.</summary>
    public async Task<Investigation?> RunOneAsync(string id, CancellationToken cancellationToken)
    {
        var snapshot = await store.FindAsync(id, cancellationToken);
        if (snapshot is null)
            return null;

        var investigation = Investigation.Restore(snapshot);
        await runner.RunAsync(investigation, _observers, cancellationToken);
        return investigation;
    }
}

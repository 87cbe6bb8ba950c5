using Bot.Core.Investigations;

namespace Bot.Core.Triage;

/// <summary>
/// Parses a request, takes a place in the queue, opens its investigation durably, and queues it
/// for a runner. The place comes first: an investigation opened and then refused as busy would
/// stay unfinished in the store and be resumed at the next start, though its asker was told no.
/// </summary>
public sealed class TriageLauncher(
    TargetParser parser, InvestigationRunner runner, TriageQueue queue, TimeProvider time) : ITriageLauncher
{
    public async Task<LaunchResult> LaunchAsync(TriageRequest request, CancellationToken cancellationToken)
    {
        if (!parser.TryParse(request.Input, out var target, out var rejection))
            return LaunchResult.Refused(rejection);

        using var slot = queue.TryReserve();
        if (slot is null)
            return LaunchResult.Refused("busy");

        // Version 7 ids sort by creation time, which is the order people read them in.
        var id = "inv-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N")[..20];
        await runner.OpenAsync(id, target, cancellationToken);

        slot.Enqueue(id);
        return LaunchResult.Started(id);
    }
}

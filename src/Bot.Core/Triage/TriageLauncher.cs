using Bot.Core.Investigations;

namespace Bot.Core.Triage;

/// <summary>Parses a request, opens its investigation durably, and queues it for a runner.</summary>
public sealed class TriageLauncher(TargetParser parser, InvestigationRunner runner, TriageQueue queue, TimeProvider time)
    : ITriageLauncher
{
    public async Task<LaunchResult> LaunchAsync(TriageRequest request, CancellationToken cancellationToken)
    {
        if (!parser.TryParse(request.Input, out var target, out var rejection))
            return LaunchResult.Refused(rejection);

        // Version 7 ids sort by creation time, which is the order people read them in.
        var id = "inv-" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N")[..20];
        await runner.OpenAsync(id, target, cancellationToken);

        return queue.TryEnqueue(id) ? LaunchResult.Started(id) : LaunchResult.Refused("busy");
    }
}

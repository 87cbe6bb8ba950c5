using System.Collections.Concurrent;
using Bot.Core.Investigations;

namespace Bot.Terminal;

/// <summary>Completes the chat's wait for an investigation once it has concluded.</summary>
internal sealed class CompletionTracker(ConcurrentDictionary<string, TaskCompletionSource> open)
    : IInvestigationObserver
{
    public Task StepStartedAsync(Investigation investigation, StepName step, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task StepRecordedAsync(
        Investigation investigation, StepRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ConcludedAsync(Investigation investigation, CancellationToken cancellationToken)
    {
        if (open.TryGetValue(investigation.Id, out var completion))
            completion.TrySetResult();
        return Task.CompletedTask;
    }
}

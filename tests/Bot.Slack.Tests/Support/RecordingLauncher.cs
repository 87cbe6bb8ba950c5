using System.Collections.Concurrent;
using Bot.Core.Triage;

namespace Bot.Slack.Tests.Support;

/// <summary>A launcher that only remembers what it was asked, for tests that must see no launch.</summary>
internal sealed class RecordingLauncher : ITriageLauncher
{
    public ConcurrentQueue<TriageRequest> Requests { get; } = new();

    public LaunchResult Answer { get; set; } = LaunchResult.Started("inv-test");

    public Task<LaunchResult> LaunchAsync(TriageRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(Answer);
    }
}

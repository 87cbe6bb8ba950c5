using System.Threading.Channels;
using Bot.Core.Triage;

namespace Bot.SlackBench;

/// <summary>
/// Stands in for the core's launcher: takes the request onto a queue and answers at once, as the real one does.
/// </summary>
internal sealed class BenchLauncher : ITriageLauncher
{
    private readonly Channel<TriageRequest> _queue = Channel.CreateUnbounded<TriageRequest>();
    private int _launched;

    public int Launched => Volatile.Read(ref _launched);

    public Task<LaunchResult> LaunchAsync(TriageRequest request, CancellationToken cancellationToken)
    {
        _queue.Writer.TryWrite(request);
        var n = Interlocked.Increment(ref _launched);
        return Task.FromResult(LaunchResult.Started($"inv-bench-{n}"));
    }
}

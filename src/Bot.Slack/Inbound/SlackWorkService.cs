using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Inbound;

/// <summary>
/// Runs queued Slack work a few items at a time. One item failing is logged and never stops
/// the loop; shutdown stops it.
/// </summary>
public sealed class SlackWorkService(SlackWorkQueue queue, ILogger<SlackWorkService> logger) : BackgroundService
{
    /// <summary>Enough to overlap network waits; few enough to stay polite to Slack's rate limits.</summary>
    public const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
            async (work, ct) => await RunAsync(work, ct));

    private async Task RunAsync(SlackWorkQueue.SlackWork work, CancellationToken cancellationToken)
    {
        try
        {
            await work.Run(cancellationToken);
        }
#pragma warning disable CA1031 // The one boundary for background Slack work: a failed reply must not stop the others.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SlackLog.WorkFailed(logger, ex, work.Name);
        }
#pragma warning restore CA1031
    }
}

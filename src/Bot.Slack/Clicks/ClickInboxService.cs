using Bot.Slack.Interactivity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Clicks;

/// <summary>
/// Handles the clicks in the <see cref="ClickInbox"/>, oldest first, a few at a time: at start-up
/// what a stopped process left pending, then each new click as it is admitted. A click whose
/// <c>response_url</c> has died is marked expired and not acted on (the clicker is told, while the
/// button is still offered, to click again); a failed handling is tried again after
/// <see cref="ClickInbox.RetryDelay"/> (and longer each time), up to
/// <see cref="ClickInbox.MaxAttempts"/> times, while the clicks behind it go on.
/// </summary>
public sealed class ClickInboxService(
    ClickInbox inbox,
    IEnumerable<IBlockActionHandler> handlers,
    LateClickNotice lateClicks,
    TimeProvider time,
    ILogger<ClickInboxService> logger) : BackgroundService
{
    /// <summary>Enough to overlap network waits; few enough to stay polite to Slack's rate limits.</summary>
    public const int Concurrency = 4;

    /// <summary>How often the inbox is looked at when no click arrives, so a failed click is retried.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Finished clicks are kept this long, so a late redelivery is still recognised.</summary>
    public static readonly TimeSpan KeepFinished = TimeSpan.FromDays(1);

    private const int BatchSize = 32;

    private readonly Dictionary<string, IBlockActionHandler> _handlers =
        handlers.ToDictionary(h => h.ActionId, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite answers synchronously; do not hold up the host's start on it.
        await Task.Yield();

        var resuming = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (resuming)
                {
                    await ResumeAsync(stoppingToken);
                    resuming = false;
                }

                if (!await HandleNextAsync(stoppingToken))
                    await inbox.WaitForArrivalAsync(PollInterval, stoppingToken);
            }
#pragma warning disable CA1031 // The inbox's one boundary: a database hiccup must not stop the clicks for good.
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                SlackLog.ClickInboxFailed(logger, ex);
                await inbox.WaitForArrivalAsync(PollInterval, stoppingToken);
            }
#pragma warning restore CA1031
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        await inbox.PruneAsync(time.GetUtcNow() - KeepFinished, cancellationToken);
        var waiting = await inbox.CountPendingAsync(cancellationToken);
        if (waiting > 0)
            SlackLog.ClickInboxResumed(logger, waiting);
    }

    /// <summary>Handles the oldest clicks that are due; false when there were none.</summary>
    private async Task<bool> HandleNextAsync(CancellationToken cancellationToken)
    {
        var batch = await inbox.DueAsync(BatchSize, cancellationToken);
        await Parallel.ForEachAsync(
            batch,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (pending, ct) => await HandleAsync(pending, ct));

        return batch.Count > 0;
    }

    private async Task HandleAsync(PendingClick pending, CancellationToken cancellationToken)
    {
        var click = pending.Click;
        var now = time.GetUtcNow();
        if (click.IsExpired(now))
        {
            // Its response_url is dead and the clicker has long moved on; acting now would surprise them,
            // and saying nothing would leave them waiting for an answer that never comes.
            var waited = now - click.ReceivedAt;
            SlackLog.ClickExpired(logger, click.ActionId, click.UserId, (long)waited.TotalMinutes);
            await lateClicks.TellAsync(click, _handlers.GetValueOrDefault(click.ActionId), waited, cancellationToken);
            await inbox.FinishAsync(pending.Seq, ClickState.Expired, CancellationToken.None);
            return;
        }

        if (!_handlers.TryGetValue(click.ActionId, out var handler))
        {
            SlackLog.NoHandler(logger, "action", click.ActionId);
            await inbox.FinishAsync(pending.Seq, ClickState.Failed, CancellationToken.None);
            return;
        }

        try
        {
            await handler.HandleAsync(click, cancellationToken);
        }
#pragma warning disable CA1031 // One click failing is recorded and retried; it must not stop the others.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var gaveUp = await inbox.RecordFailureAsync(pending, CancellationToken.None);
            SlackLog.ClickFailed(logger, ex, click.ActionId, click.UserId, pending.Attempts + 1, gaveUp);
            return;
        }
#pragma warning restore CA1031

        // Not the stopping token: a click handled just before shutdown must not be handled again.
        await inbox.FinishAsync(pending.Seq, ClickState.Done, CancellationToken.None);
    }
}

using Bot.Core.Triage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Hosting;

/// <summary>The server's background walker: first what a stopped process left open, then every new request.</summary>
internal sealed class TriageWorkerService(TriageWorker worker, ILogger<TriageWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resumed = await worker.RequeueUnfinishedAsync(stoppingToken);
        HostLog.Resuming(logger, resumed.Count);

        await worker.RunAsync(stoppingToken);
    }
}

using System.Net.WebSockets;
using Bot.Slack.Inbound;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.SocketMode;

/// <summary>
/// Keeps one Socket Mode connection open: asks <c>apps.connections.open</c> for a fresh URL each
/// time (the URL is single-use), runs a <see cref="SocketModeSession"/> on it, and reconnects —
/// at once when Slack asked for it, after a jittered, growing backoff when the socket dropped or
/// the connection could not be opened. Stops when Slack disables Socket Mode, or at shutdown.
/// </summary>
public sealed class SocketModeService(
    SlackApiClient slack,
    SlackDispatcher dispatcher,
    DeliveryDeduplicator deliveries,
    TimeProvider time,
    ILogger<SocketModeService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>How long a retired socket is still read; Slack closes one about 10 s after a warning.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var draining = new List<Task>();
        try
        {
            await ConnectLoopAsync(draining, stoppingToken);
        }
        finally
        {
            await Task.WhenAll(draining);
        }
    }

    private async Task ConnectLoopAsync(List<Task> draining, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var end = await ConnectOnceAsync(draining, stoppingToken);
            switch (end)
            {
                case (SessionEnd.Stop, _):
                    SlackLog.SocketLinkDisabled(logger);
                    return;
                case (SessionEnd.Reconnect, _):
                    failures = 0;
                    continue;
                case (_, true):
                    failures = 0;
                    break;
            }

            var delay = Backoff(failures++);
            SlackLog.SocketLost(logger, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, time, stoppingToken);
        }
    }

    private async Task<(SessionEnd End, bool Greeted)> ConnectOnceAsync(
        List<Task> draining, CancellationToken stoppingToken)
    {
        ClientWebSocket? socket = null;
        try
        {
            var url = await slack.OpenSocketModeConnectionAsync(stoppingToken);
            socket = new ClientWebSocket();
            // Pings catch a half-open socket that would otherwise wait forever for the next frame.
            socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
            socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
            await socket.ConnectAsync(url, stoppingToken);

            var session = new SocketModeSession(socket, dispatcher, deliveries, logger);
            var end = await session.RunAsync(stoppingToken);
            if (end == SessionEnd.Reconnect)
            {
                // Slack may still deliver on the old socket: read it while the replacement connects.
                draining.RemoveAll(t => t.IsCompleted);
                draining.Add(DrainAndCloseAsync(session, socket, stoppingToken));
                socket = null;
            }

            return (end, session.Greeted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A token Slack refuses will not heal by retrying; fail loudly instead of spinning.
            if (ex is SlackApiException { Kind: SlackErrorKind.Auth })
                throw;

            // Anything else (a refused upgrade, a timeout, Slack down) is worth another try after a backoff.
            SlackLog.SocketFailed(logger, ex);
            return (SessionEnd.Dropped, false);
        }
        finally
        {
            if (socket is not null)
            {
                await CloseQuietlyAsync(socket);
                socket.Dispose();
            }
        }
    }

    private async Task DrainAndCloseAsync(
        SocketModeSession session, ClientWebSocket socket, CancellationToken stoppingToken)
    {
        using (socket)
        {
            try
            {
                await session.DrainAsync(DrainLimit, time, stoppingToken);
            }
#pragma warning disable CA1031 // A retired socket failing must not take the service (or its shutdown) down with it.
            catch (Exception ex)
            {
                SlackLog.SocketFailed(logger, ex);
            }
#pragma warning restore CA1031

            await CloseQuietlyAsync(socket);
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closing is a courtesy; the next connection does not depend on it.
        }
    }

    /// <summary>
    /// 1 s, 2 s, 4 s … up to a minute, each with up to 25 % jitter so a fleet does not reconnect in step.
    /// </summary>
    internal static TimeSpan Backoff(int failures)
    {
        var exponential = FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 10));
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.25)));
    }
}

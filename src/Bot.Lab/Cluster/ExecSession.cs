using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using k8s.Models;

namespace Bot.Lab.Cluster;

/// <summary>
/// One exec over WebSocket speaking <c>v4.channel.k8s.io</c>: each binary frame starts with its
/// channel (1 stdout, 2 stderr, 3 the closing Status as JSON). The program really runs, inside
/// the mount namespace where the pod's storage path is the lab directory.
/// </summary>
internal static class ExecSession
{
    public const string Protocol = "v4.channel.k8s.io";
    private const byte Stdout = 1;
    private const byte Stderr = 2;
    private const byte StatusChannel = 3;

    public static async Task RunAsync(
        WebSocket socket, MountNamespace space, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var send = new SemaphoreSlim(1, 1);
        int exitCode;
        try
        {
            using var process = Process.Start(space.StartInfo(command))
                ?? throw new InvalidOperationException("nsenter did not start");
            process.StandardInput.Close();
            await using (cancellationToken.Register(() => Kill(process)))
            {
                await Task.WhenAll(
                    PumpAsync(process.StandardOutput.BaseStream, Stdout, socket, send, cancellationToken),
                    PumpAsync(process.StandardError.BaseStream, Stderr, socket, send, cancellationToken));
                await process.WaitForExitAsync(cancellationToken);
            }

            exitCode = process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            var failure = Json(Failure("InternalError", ex.Message, null));
            await SendAsync(socket, send, StatusChannel, failure, cancellationToken);
            await CloseAsync(socket, cancellationToken);
            return;
        }

        var status = exitCode == 0
            ? new V1Status { Metadata = new V1ListMeta(), Status = "Success" }
            : Failure("NonZeroExitCode", $"command terminated with non-zero exit code: exit status {exitCode}",
                exitCode);
        await SendAsync(socket, send, StatusChannel, Json(status), cancellationToken);
        await CloseAsync(socket, cancellationToken);
    }

    private static V1Status Failure(string reason, string message, int? exitCode) => new()
    {
        Metadata = new V1ListMeta(),
        Status = "Failure",
        Reason = reason,
        Message = message,
        Details = exitCode is null
            ? null
            : new V1StatusDetails
            {
                Causes =
                [
                    new V1StatusCause
                    {
                        Reason = "ExitCode",
                        Message = exitCode.Value.ToString(CultureInfo.InvariantCulture),
                    },
                ],
            },
    };

    private static byte[] Json(V1Status status) => System.Text.Encoding.UTF8.GetBytes(StatusJson.Serialize(status));

    private static async Task PumpAsync(
        Stream source, byte channel, WebSocket socket, SemaphoreSlim send, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            await SendAsync(socket, send, channel, buffer.AsMemory(0, read), cancellationToken);
    }

    private static async Task SendAsync(
        WebSocket socket,
        SemaphoreSlim send,
        byte channel,
        ReadOnlyMemory<byte> data,
        CancellationToken cancellationToken)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame.AsMemory(1));
        await send.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
        finally
        {
            send.Release();
        }
    }

    /// <summary>
    /// Closes our side, then waits for the client's close: returning at once would abort the
    /// connection, and a reset can throw away frames the client has not read yet.
    /// </summary>
    private static async Task CloseAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        if (socket.State != WebSocketState.Open)
            return;

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(2));
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                var received = await socket.ReceiveAsync(buffer, wait.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away without closing; nothing is left to deliver.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}

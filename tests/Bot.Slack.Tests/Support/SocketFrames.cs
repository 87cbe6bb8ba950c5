using System.Net.WebSockets;
using System.Text;

namespace Bot.Slack.Tests.Support;

/// <summary>Sends and reads whole text frames on the stand-in's side of a socket.</summary>
internal static class SocketFrames
{
    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends a frame in several pieces, as a real server may, to exercise reassembly.</summary>
    public static async Task SendInPiecesAsync(WebSocket socket, string text, int pieces)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var size = (bytes.Length / pieces) + 1;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var count = Math.Min(size, bytes.Length - offset);
            await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text,
                offset + count >= bytes.Length,
                CancellationToken.None);
        }
    }

    public static async Task<string?> ReceiveAsync(WebSocket socket, int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(message.ToArray());
        }
    }
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Bot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.SocketMode;

/// <summary>
/// One Socket Mode connection: reads frames until Slack says goodbye or the socket drops, acks
/// every envelope on this socket through a single writer (a WebSocket allows one send at a time),
/// and hands payloads to the same dispatcher as the HTTP endpoints. A redelivered envelope is
/// acknowledged again, so Slack stops retrying, but handled only once; an envelope whose handling
/// failed is not acknowledged and not remembered, so Slack's redelivery is handled.
/// </summary>
public sealed class SocketModeSession(
    WebSocket socket, SlackDispatcher dispatcher, DeliveryDeduplicator deliveries, ILogger logger)
{
    /// <summary>Slack's frames are a few kilobytes; a larger one is not a frame we can trust.</summary>
    public const int MaxFrameBytes = 1024 * 1024;

    private readonly Channel<string> _outbox =
        Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>True once Slack's <c>hello</c> arrived: the connection is healthy and backoff can reset.</summary>
    public bool Greeted { get; private set; }

    private Task? _writer;

    /// <summary>
    /// Reads until Slack asks for a reconnect, closes the socket, or it drops. After
    /// <see cref="SessionEnd.Reconnect"/> the socket is still open and the acks still flow: call
    /// <see cref="DrainAsync"/> to keep reading it while the replacement connects.
    /// </summary>
    public async Task<SessionEnd> RunAsync(CancellationToken cancellationToken)
    {
        _writer = WriteAcksAsync(cancellationToken);
        var end = SessionEnd.Dropped;
        try
        {
            end = await ReceiveAsync(cancellationToken);
            return end;
        }
        finally
        {
            if (end != SessionEnd.Reconnect)
                await StopWritingAsync();
        }
    }

    /// <summary>
    /// Keeps handling what still arrives on a socket Slack is retiring (a <c>warning</c> gives it
    /// about 10 s), until Slack closes it or <paramref name="limit"/> passes.
    /// </summary>
    public async Task DrainAsync(TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(limit, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await ReceiveAsync(either.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The old socket closing or timing out is the expected end of a drain.
        }
        finally
        {
            await StopWritingAsync();
        }
    }

    private async Task StopWritingAsync()
    {
        _outbox.Writer.TryComplete();
        if (_writer is not null)
            await _writer;
    }

    private async Task<SessionEnd> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            var text = await ReadMessageAsync(cancellationToken);
            if (text is null)
                return SessionEnd.Dropped;

            var end = await HandleAsync(text, cancellationToken);
            if (end is not null)
                return end.Value;
        }

        return SessionEnd.Dropped;
    }

    private async Task<SessionEnd?> HandleAsync(string text, CancellationToken cancellationToken)
    {
        SocketFrame? frame;
        try
        {
            frame = SlackJson.Deserialize<SocketFrame>(text);
        }
        catch (JsonException ex)
        {
            SlackLog.SocketFrameUnreadable(logger, ex.GetType().Name);
            return null;
        }

        switch (frame)
        {
            case HelloFrame hello:
                Greeted = true;
                SlackLog.SocketConnected(logger, hello.NumConnections);
                return null;
            case DisconnectFrame disconnect:
                SlackLog.SocketDisconnectRequested(logger, disconnect.Reason);
                return disconnect.Kind == DisconnectReason.LinkDisabled ? SessionEnd.Stop : SessionEnd.Reconnect;
            case { EnvelopeId: { Length: > 0 } envelopeId }:
                await HandleEnvelopeAsync(frame, envelopeId, cancellationToken);
                return null;
            default:
                SlackLog.SocketFrameUnreadable(logger, "frame of unknown type without an envelope id");
                return null;
        }
    }

    private async Task HandleEnvelopeAsync(SocketFrame envelope, string envelopeId, CancellationToken cancellationToken)
    {
        if (!Usable(envelope))
        {
            // Acknowledged all the same: no redelivery makes a broken envelope readable.
            SlackLog.SocketFrameUnreadable(logger, "envelope without the payload its type needs");
            Ack(new SocketAck(envelopeId));
            return;
        }

        var key = "envelope:" + envelopeId;
        if (!deliveries.TryFirstDelivery(key))
        {
            SlackLog.DuplicateDelivery(logger, envelopeId);
            Ack(new SocketAck(envelopeId));
            return;
        }

        try
        {
            if (await HandleFirstDeliveryAsync(envelope, envelopeId, cancellationToken))
                return;
        }
#pragma warning disable CA1031 // Whatever a handler throws, the session stays up and the delivery stays retryable.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SlackLog.EnvelopeFailed(logger, ex, envelopeId);
        }
#pragma warning restore CA1031

        // Not acknowledged, and forgotten: Slack delivers it again, and that retry must be handled,
        // not taken for a repeat of a delivery that never got anywhere.
        deliveries.Forget(key);
    }

    /// <summary>Hands an envelope on and acks it; false when it was not taken and must not be acked.</summary>
    private async Task<bool> HandleFirstDeliveryAsync(
        SocketFrame envelope, string envelopeId, CancellationToken cancellationToken)
    {
        switch (envelope)
        {
            case SlashCommandsEnvelope command:
                // The reply rides on the ack, so it is computed first; commands are quick by contract.
                var reply = await dispatcher.DispatchCommandAsync(
                    command.Payload, SlackTransport.SocketMode, cancellationToken);
                Ack(new SocketAck(envelopeId, envelope.AcceptsResponsePayload ? reply.ToBody() : null));
                break;
            case InteractiveEnvelope interactive:
                // Stored before the ack, so an acknowledged click survives a restart.
                await dispatcher.DispatchInteractionAsync(
                    interactive.Payload, SlackTransport.SocketMode, cancellationToken);
                Ack(new SocketAck(envelopeId));
                break;
            case EventsApiEnvelope events:
                if (!dispatcher.DispatchEvent(events.Payload))
                    return false;
                Ack(new SocketAck(envelopeId));
                break;
            default:
                Ack(new SocketAck(envelopeId));
                SlackLog.NoHandler(logger, "envelope", envelopeId);
                break;
        }

        return true;
    }

    /// <summary>Whether an envelope carries what its handler needs, as the HTTP endpoints check.</summary>
    private static bool Usable(SocketFrame envelope) => envelope switch
    {
        SlashCommandsEnvelope command => command.Payload is { Command.Length: > 0, UserId.Length: > 0 },
        InteractiveEnvelope interaction => interaction.Payload is { User.Id.Length: > 0 },
        EventsApiEnvelope events => events.Payload is { EventId.Length: > 0 },
        _ => true,
    };

    private void Ack(SocketAck ack) => _outbox.Writer.TryWrite(SlackJson.Serialize(ack));

    private async Task WriteAcksAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var ack in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                if (socket.State != WebSocketState.Open)
                    return;
                await socket.SendAsync(Encoding.UTF8.GetBytes(ack), WebSocketMessageType.Text, true, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The socket went away under the writer; the receive side reports the drop.
        }
    }

    private async Task<string?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            if (message.Length + result.Count > MaxFrameBytes)
            {
                SlackLog.SocketFrameUnreadable(logger, "frame over the size limit");
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Bot.Tests.Support;

/// <summary>
/// A port that accepts connections and never answers: a registry hung mid-request. Whoever calls
/// it waits until it gives up or is killed.
/// </summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentServer()
    {
        _listener.Start();
        _ = HoldConnectionsAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Connections accepted so far: how many requests are hanging here.</summary>
    public int Accepted
    {
        get
        {
            lock (_held)
                return _held.Count;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            foreach (var socket in _held)
                socket.Dispose();
        }

        _stop.Dispose();
    }

    private async Task HoldConnectionsAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_held)
                    _held.Add(socket);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: stop accepting.
        }
        catch (SocketException)
        {
            // The listener was stopped under the accept.
        }
    }
}

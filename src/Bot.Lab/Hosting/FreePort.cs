using System.Net;
using System.Net.Sockets;

namespace Bot.Lab.Hosting;

/// <summary>Finds a loopback port nobody listens on. Another process may take it before we do; callers retry.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

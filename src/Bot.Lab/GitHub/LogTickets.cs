using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Bot.Lab.GitHub;

/// <summary>
/// The stand-in's log storage: like GitHub's, a log URL is handed out by a 302, works once, and
/// expires after a minute, so a client that stores the URL instead of following it fails here too.
/// </summary>
internal sealed class LogTickets
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Log, DateTimeOffset Expires)> _tickets =
        new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public LogTickets(TimeProvider time) => _time = time;

    public string Issue(string log)
    {
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tickets[ticket] = (log, _time.GetUtcNow() + Lifetime);
        return ticket;
    }

    public bool TryRedeem(string ticket, out string log)
    {
        log = "";
        if (!_tickets.TryRemove(ticket, out var entry) || entry.Expires < _time.GetUtcNow())
            return false;

        log = entry.Log;
        return true;
    }
}

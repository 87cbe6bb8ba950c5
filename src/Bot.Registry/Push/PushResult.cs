using System.Net;

namespace Bot.Registry.Push;

/// <summary>
/// How a push went. Failures are data, not exceptions: the lab induces them on purpose (a full
/// disk answers 500 with "no space left on device") and needs to see them.
/// </summary>
public sealed record PushResult(bool Succeeded, HttpStatusCode Status, string Digest, string? ErrorBody)
{
    public static PushResult Ok(HttpStatusCode status, string digest) => new(true, status, digest, null);

    public static PushResult Failed(HttpStatusCode status, string digest, string body) =>
        new(false, status, digest, body);
}

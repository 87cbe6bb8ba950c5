namespace Bot.Slack.SocketMode;

/// <summary>The acknowledgement of one envelope, optionally carrying the response (e.g. a command's reply).</summary>
internal sealed record SocketAck(string EnvelopeId, object? Payload = null);

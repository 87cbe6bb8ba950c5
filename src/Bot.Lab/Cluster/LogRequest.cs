namespace Bot.Lab.Cluster;

/// <summary>One pods/log request as the simulator received it, so tests can check the bot's window.</summary>
public sealed record LogRequest(string Pod, string? Container, int? SinceSeconds, bool Timestamps);

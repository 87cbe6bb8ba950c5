namespace Bot.Core.Investigations;

/// <summary>
/// One failed write the registry logged, as the volume step read it from the registry's own log.
/// </summary>
/// <param name="Kind">One of <see cref="RegistryWriteErrorKinds"/>.</param>
/// <param name="At">The log line's time, when it had one.</param>
/// <param name="Digest">The blob or manifest the failed write was for, when the line names it.</param>
/// <param name="Method">The HTTP method of the failed request (PUT, PATCH, HEAD...).</param>
public sealed record RegistryWriteError(string Kind, DateTimeOffset? At, string? Digest, string? Method);

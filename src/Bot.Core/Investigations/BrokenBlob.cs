namespace Bot.Core.Investigations;

/// <summary>A referenced blob that the registry could not serve in full.</summary>
/// <param name="Condition">
/// <c>missing</c>, <c>empty</c>, <c>short</c>, <c>broken-link</c> or <c>digest-mismatch</c>.
/// </param>
public sealed record BrokenBlob(string Digest, string Condition, string Role, long ExpectedSize, long? ReadSize);

namespace Bot.Core.Investigations;

/// <summary>A descriptor the manifest references: what the blob check has to read.</summary>
public sealed record BlobClue(string Digest, long Size, string MediaType, string Role);

namespace Bot.Lab.Content;

/// <summary>A blob as a manifest references it.</summary>
public sealed record BlobRef(string Digest, long Size, string MediaType);

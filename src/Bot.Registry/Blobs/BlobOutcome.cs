using Bot.Core.Investigations;

namespace Bot.Registry.Blobs;

/// <summary>One blob's verdict, the request that decided it and the salient answer.</summary>
public sealed record BlobOutcome(BlobClue Blob, string Condition, string Request, string Answer, long? ReadBytes)
{
    public bool IsBroken => Condition != BlobConditions.Present;

    public BrokenBlob ToBrokenBlob() => new(Blob.Digest, Condition, Blob.Role, Blob.Size, ReadBytes);
}

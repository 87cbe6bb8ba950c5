using System.Security.Cryptography;

namespace Bot.Registry.Http;

/// <summary>Computes a content digest in the algorithm a descriptor names (<c>sha256:</c> or <c>sha512:</c>).</summary>
public static class ContentDigest
{
    public static IncrementalHash HasherFor(string digest) =>
        IncrementalHash.CreateHash(
            digest.StartsWith("sha512:", StringComparison.Ordinal)
                ? HashAlgorithmName.SHA512
                : HashAlgorithmName.SHA256);

    public static string Finish(IncrementalHash hasher) =>
        (hasher.AlgorithmName == HashAlgorithmName.SHA512 ? "sha512:" : "sha256:") +
        Convert.ToHexStringLower(hasher.GetHashAndReset());

    public static string Of(string likeDigest, ReadOnlySpan<byte> content)
    {
        using var hasher = HasherFor(likeDigest);
        hasher.AppendData(content);
        return Finish(hasher);
    }
}

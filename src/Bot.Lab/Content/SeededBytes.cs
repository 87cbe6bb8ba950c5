using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Lab.Content;

/// <summary>
/// Layer bytes that look random (they do not compress, like real gzip layers) but are the same on
/// every run, so digests in scenarios, logs and tests are stable. AES in counter mode, keyed by a
/// hash of the seed: fast enough to fill a volume, and fixed by the algorithm rather than by
/// whatever <see cref="Random"/> happens to do in this runtime.
/// </summary>
public static class SeededBytes
{
    private const int Block = 16;

    public static byte[] Create(string seed, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Array.MaxLength - Block);

        var blocks = (int)((size + Block - 1) / Block);
        var counters = new byte[blocks * Block];
        for (var i = 0; i < blocks; i++)
            BinaryPrimitives.WriteInt64LittleEndian(counters.AsSpan(i * Block), i);

        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var stream = aes.EncryptEcb(counters, PaddingMode.None);
        return size == stream.Length ? stream : stream[..(int)size];
    }
}

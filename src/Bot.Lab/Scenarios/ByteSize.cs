using System.Globalization;

namespace Bot.Lab.Scenarios;

/// <summary>
/// Sizes as scenario files write them: a whole number of bytes, optionally with a binary suffix
/// (<c>512Ki</c>, <c>24Mi</c>, <c>1Gi</c>). Decimal suffixes (<c>24M</c>) are refused on purpose:
/// tmpfs and <c>df</c> disagree about them, and a lab that is off by 5 % misses its target usage.
/// </summary>
public static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Suffixes =
        [("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30)];

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        var factor = 1L;
        var number = text.Trim();
        foreach (var (suffix, value) in Suffixes)
        {
            if (number.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = value;
                number = number[..^suffix.Length];
                break;
            }
        }

        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            return false;

        if (count > long.MaxValue / factor)
            return false;

        bytes = count * factor;
        return true;
    }

    /// <summary>The shortest exact spelling: 25165824 is <c>24Mi</c>, 1000 stays <c>1000</c>.</summary>
    public static string Format(long bytes)
    {
        for (var i = Suffixes.Length - 1; i >= 0; i--)
        {
            var (suffix, factor) = Suffixes[i];
            if (bytes >= factor && bytes % factor == 0)
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / factor}{suffix}");
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}

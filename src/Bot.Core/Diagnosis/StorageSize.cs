using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Core.Diagnosis;

/// <summary>
/// The binary-suffix Kubernetes quantities a PVC request uses (<c>50Gi</c>, <c>512Mi</c>), and the
/// size a resize proposes. Anything else is left alone: no guessed size is ever offered.
/// </summary>
public static partial class StorageSize
{
    private const long Gi = 1L << 30;

    public static long? ParseBytes(string? quantity)
    {
        if (quantity is null)
            return null;

        var match = Quantity().Match(quantity.Trim());
        if (!match.Success)
            return null;
        if (!long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return null;

        var shift = match.Groups["unit"].Value switch
        {
            "Ki" => 10,
            "Mi" => 20,
            "Gi" => 30,
            "Ti" => 40,
            _ => 0,
        };
        return n > (long.MaxValue >> shift) ? null : n << shift;
    }

    /// <summary>Half as large again, rounded up to whole GiB: room for GC to work and the cache to grow.</summary>
    public static string? ProposeLarger(string? current)
    {
        var bytes = ParseBytes(current);
        if (bytes is null or <= 0)
            return null;

        var proposedGi = (long)Math.Ceiling(bytes.Value * 1.5 / Gi);
        return proposedGi.ToString(CultureInfo.InvariantCulture) + "Gi";
    }

    [GeneratedRegex("^(?<n>[0-9]{1,15})(?<unit>Ki|Mi|Gi|Ti)?$")]
    private static partial Regex Quantity();
}

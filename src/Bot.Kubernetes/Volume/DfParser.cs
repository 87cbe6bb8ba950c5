using System.Globalization;

namespace Bot.Kubernetes.Volume;

/// <summary>
/// Reads POSIX <c>df -P</c> output (<c>Filesystem 1024-blocks Used Available Capacity Mounted on</c>),
/// as GNU coreutils and busybox print it. Anything else is refused, not guessed at.
/// </summary>
public static class DfParser
{
    public static DfUsage? Parse(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2 || !lines[0].StartsWith("Filesystem", StringComparison.Ordinal))
            return null;

        var blockSize = BlockSize(lines[0]);
        if (blockSize is null)
            return null;

        // With -P a row never wraps; the mount point is the rest of the line and may hold spaces.
        var fields = lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6
            || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var blocks)
            || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var available)
            || !fields[4].EndsWith('%')
            || !int.TryParse(fields[4][..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            || percent > 100)
        {
            return null;
        }

        var mount = string.Join(' ', fields[5..]);
        var size = blockSize.Value;
        return new DfUsage(fields[0], blocks * size, used * size, available * size, percent, mount);
    }

    private static long? BlockSize(string header)
    {
        var columns = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (columns.Length < 2)
            return null;

        var blocks = columns[1];
        var dash = blocks.IndexOf("-blocks", StringComparison.Ordinal);
        if (dash <= 0)
            return null;
        return long.TryParse(blocks[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? size
            : null;
    }
}

using System.Globalization;

namespace Bot.Kubernetes.Api;

/// <summary>
/// A pod log line as the API server sends it with <c>timestamps=true</c>: the time the container
/// runtime received it (RFC 3339, up to nanoseconds), a space, then the line as the program wrote it.
/// </summary>
public static class TimestampedLine
{
    /// <summary>The runtime's time and the line without it; a line without a readable time is kept whole.</summary>
    public static (DateTimeOffset? At, string Text) Split(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 20 || space > 40 || !char.IsAsciiDigit(line[0]))
            return (null, line);

        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParse(line.AsSpan(0, space), CultureInfo.InvariantCulture, styles, out var at)
            ? (at, line[(space + 1)..])
            : (null, line);
    }
}

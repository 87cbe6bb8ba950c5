using System.Text.RegularExpressions;

namespace Bot.Tests.Support;

/// <summary>
/// The requests a real docker-registry answered, read from its own log ("response completed"
/// lines, logrus text): what a step really asked, whatever the bot recorded about it.
/// </summary>
internal static partial class RegistryRequestLog
{
    /// <summary>How many GETs the registry answered for each path.</summary>
    public static Dictionary<string, int> CountGets(string logPath)
    {
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains("msg=\"response completed", StringComparison.Ordinal))
                continue;

            var request = Request().Match(line);
            if (request.Success && request.Groups["method"].Value == "GET")
                counts[request.Groups["uri"].Value] = counts.GetValueOrDefault(request.Groups["uri"].Value) + 1;
        }

        return counts;
    }

    [GeneratedRegex("""http\.request\.method=(?<method>[A-Z]+) .*http\.request\.uri="?(?<uri>[^" ]+)"?""")]
    private static partial Regex Request();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Investigations;

namespace Bot.Kubernetes.RegistryLogs;

/// <summary>
/// Finds the failed writes in a registry's log (logrus text, DOMAIN §4.4): no space left on device,
/// an empty manifest blob, an empty link. One request logs its failure twice (the cause, then
/// "response completed with error"), so lines are folded per <c>http.request.id</c>.
/// </summary>
public static partial class RegistryLogParser
{
    private static readonly (string Phrase, string Kind)[] Phrases =
    [
        ("no space left on device", RegistryWriteErrorKinds.NoSpace),
        ("unexpected end of JSON input", RegistryWriteErrorKinds.EmptyManifestBlob),
        ("invalid checksum digest format", RegistryWriteErrorKinds.EmptyLink),
    ];

    /// <summary>Cheap pre-filter for streaming a big log: only these lines can matter.</summary>
    public static bool IsCandidate(string line) =>
        Phrases.Any(p => line.Contains(p.Phrase, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<RegistryWriteError> Parse(IEnumerable<string> lines)
    {
        var seen = new HashSet<(string Kind, string Request)>();
        var errors = new List<RegistryWriteError>();
        foreach (var line in lines)
        {
            var kind = KindOf(line);
            if (kind is null)
                continue;

            var request = RequestId().Match(line);
            if (request.Success && !seen.Add((kind, request.Groups["id"].Value)))
                continue;

            var method = Method().Match(line);
            var methodName = method.Success ? method.Groups["m"].Value : null;
            errors.Add(new RegistryWriteError(kind, TimeOf(line), DigestOf(line), methodName));
        }

        return [.. errors.OrderBy(e => e.At ?? DateTimeOffset.MinValue)];
    }

    public static DateTimeOffset? TimeOf(string line)
    {
        var logrus = LogrusTime().Match(line);
        var lead = LeadingTime().Match(line);
        var text = logrus.Success ? logrus.Groups["t"].Value : lead.Success ? lead.Groups["t"].Value : null;
        var styles = DateTimeStyles.AssumeUniversal;
        return text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var at)
            ? at.ToUniversalTime()
            : null;
    }

    private static string? KindOf(string line)
    {
        foreach (var (phrase, kind) in Phrases)
        {
            if (line.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                return kind;
        }

        return null;
    }

    private static string? DigestOf(string line)
    {
        var match = StoragePath().Match(line);
        if (!match.Success)
            match = QueryDigest().Match(line);
        return match.Success ? "sha256:" + match.Groups["hex"].Value : null;
    }

    [GeneratedRegex("time=\"(?<t>[^\"]+)\"")]
    private static partial Regex LogrusTime();

    /// <summary>Harbor and kubectl style: an RFC 3339 time first on the line.</summary>
    [GeneratedRegex(@"^(?<t>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))\s")]
    private static partial Regex LeadingTime();

    [GeneratedRegex(@"http\.request\.id=(?<id>[0-9a-f-]+)")]
    private static partial Regex RequestId();

    [GeneratedRegex(@"http\.request\.method=(?<m>[A-Z]+)")]
    private static partial Regex Method();

    [GeneratedRegex(
        @"(?:/blobs/sha256/[0-9a-f]{2}/|/_layers/sha256/|/_manifests/revisions/sha256/)(?<hex>[0-9a-f]{64})/")]
    private static partial Regex StoragePath();

    [GeneratedRegex(@"(?:digest=|vars\.digest=""?)sha256(?::|%3A)(?<hex>[0-9a-f]{64})")]
    private static partial Regex QueryDigest();
}

using System.Text.RegularExpressions;

namespace Bot.GitHub.Logs;

/// <summary>
/// The state of one pass over a log. Everything it keeps is capped (a few lines per class, a few
/// refs, a bounded vertex table), so memory does not grow with the log.
/// </summary>
internal sealed class LogScan
{
    private const int MaxRefs = 8;
    private const int MaxImportVertices = 256;
    private const int MaxShownLineLength = 300;

    private readonly VertexTracker _vertices = new();
    private readonly Dictionary<int, string> _importVertices = [];
    private readonly List<string> _cacheFrom = [];
    private readonly List<string> _cacheTo = [];
    private readonly Dictionary<string, LogSignal> _signals = new(StringComparer.Ordinal);
    private string? _firstSummaryTitle;
    private bool _previousWasRule;
    private long _lines;

    public void Read(string rawLine)
    {
        _lines++;
        var line = StripTimestamp(rawLine);
        if (line.Length == 0)
            return;

        var (vertex, body) = ObserveVertex(line);
        ObserveSummary(line);
        ObserveCacheOptions(line);

        var (errorClass, explicitRef) = Detect(line, vertex, body);
        if (errorClass is not null)
            Record(errorClass, line, explicitRef, vertex);
    }

    public CiLogClassification Finish()
    {
        var fatal = CiErrorClasses.FatalRegistry.FirstOrDefault(_signals.ContainsKey);
        if (fatal is not null)
            return Build(_signals[fatal], isFatal: true, involvesRegistry: true);
        if (_signals.TryGetValue(CiErrorClasses.Unrelated, out var unrelated))
            return Build(unrelated, isFatal: true, involvesRegistry: false);

        var survived = CiErrorClasses.NonFatalRegistry.FirstOrDefault(_signals.ContainsKey);
        if (survived is not null)
            return Build(_signals[survived], isFatal: false, involvesRegistry: true);

        return new CiLogClassification(CiErrorClasses.NoFailureFound, false, null, null, null, null, [], _lines);
    }

    // GitHub prefixes every line with "2024-01-01T00:00:00.0000000Z ". Parsed by hand: it is on
    // every line, and a regex here was most of the classifier's cost on a large log.
    private static string StripTimestamp(string line)
    {
        const string Shape = "dddd-dd-ddTdd:dd:dd";
        if (line.Length <= Shape.Length)
            return line;

        for (var i = 0; i < Shape.Length; i++)
        {
            var fits = Shape[i] == 'd' ? char.IsAsciiDigit(line[i]) : line[i] == Shape[i];
            if (!fits)
                return line;
        }

        var at = Shape.Length;
        if (line[at] == '.')
        {
            var fraction = line.AsSpan(at + 1).IndexOfAnyExceptInRange('0', '9');
            if (fraction is < 1 or > 9)
                return line;
            at += fraction + 1;
        }

        if (line[at] != 'Z')
            return line;

        at++;
        if (at < line.Length && line[at] == ' ')
            at++;
        return line[at..];
    }

    private (int? Vertex, string Body) ObserveVertex(string line)
    {
        if (line[0] != '#')
            return (null, line);

        // "#<digits> <text>", parsed by hand: it is the most common line shape of a BuildKit log.
        var digits = line.AsSpan(1).IndexOfAnyExceptInRange('0', '9');
        if (digits is < 1 or > 6 || line[1 + digits] != ' ' || !int.TryParse(line.AsSpan(1, digits), out var number))
            return (null, line);

        var body = line[(digits + 2)..];
        _vertices.Observe(number, body);

        var isImport = body.StartsWith("importing cache manifest from ", StringComparison.Ordinal);
        if (isImport && _importVertices.Count < MaxImportVertices)
            _importVertices[number] = LogPatterns.ImportVertex().Match(body).Groups["ref"].Value;

        return (number, body);
    }

    // BuildKit closes a failure with "------ / > [11/19] COPY x .: / ------"; the title is the step.
    private void ObserveSummary(string line)
    {
        var isRule = line.StartsWith("------", StringComparison.Ordinal);
        if (_previousWasRule && _firstSummaryTitle is null && line.StartsWith(" > ", StringComparison.Ordinal))
        {
            var title = VertexTracker.StepTitle(line[3..]);
            _firstSummaryTitle =
                title.StartsWith("exporting cache", StringComparison.Ordinal) ? VertexTracker.ExportingCache
                : title.StartsWith("exporting to image", StringComparison.Ordinal) ? VertexTracker.ExportingToImage
                : title;
        }

        _previousWasRule = isRule;
    }

    // Both options may share a line (the buildx command the action echoes): each ref= belongs to
    // the cache-from or cache-to written closest before it.
    private void ObserveCacheOptions(string line)
    {
        if (!line.Contains("ref=", StringComparison.Ordinal) || !line.Contains("cache-", StringComparison.Ordinal))
            return;

        foreach (Match match in LogPatterns.RefOption().Matches(line))
        {
            var before = line.AsSpan(0, match.Index);
            var from = before.LastIndexOf("cache-from", StringComparison.Ordinal);
            var to = before.LastIndexOf("cache-to", StringComparison.Ordinal);
            if (from < 0 && to < 0)
                continue;

            var target = from > to ? _cacheFrom : _cacheTo;
            var reference = match.Groups["ref"].Value;
            if (target.Count < MaxRefs && !target.Contains(reference))
                target.Add(reference);
        }
    }

    private (string? Class, string? Ref) Detect(string line, int? vertex, string body)
    {
        if (line.Contains("no space left on device", StringComparison.OrdinalIgnoreCase))
            return (HasRegistryContext(line) ? CiErrorClasses.RegistryNoSpace : CiErrorClasses.Unrelated, null);

        if (line.Contains("failed to compute cache key", StringComparison.Ordinal))
            return (ComputeCacheKeyClass(line), null);

        if (line.Contains("content at ", StringComparison.Ordinal) && LogPatterns.ContentNotFound().IsMatch(line))
            return (CiErrorClasses.CacheBlobNotFound, null);
        if (line.Contains("blob ", StringComparison.Ordinal) && LogPatterns.BlobNotFound().IsMatch(line))
            return (CiErrorClasses.CacheBlobNotFound, null);
        if (line.Contains("httpReadSeeker: failed open", StringComparison.Ordinal))
            return (CiErrorClasses.CacheBlobReadFailed, null);
        if (line.Contains("unexpected status", StringComparison.Ordinal)
            && !line.Contains("/blobs/uploads/", StringComparison.Ordinal)
            && LogPatterns.BlobGetStatus().IsMatch(line))
        {
            return (CiErrorClasses.CacheBlobReadFailed, null);
        }

        return DetectImport(line, vertex, body) ?? DetectExport(line) ?? DetectUnreachable(line) ?? DetectGeneric(line);
    }

    // A request to the registry's API that never got an answer: the network or the registry is down.
    private static (string?, string?)? DetectUnreachable(string line) =>
        line.Contains("/v2/", StringComparison.Ordinal) && LogPatterns.NetworkFailure().IsMatch(line)
            ? (CiErrorClasses.RegistryUnreachable, null)
            : null;

    // "failed to compute cache key" also wraps a missing build-context file ("failed to calculate
    // checksum of ref …: "/app.csproj": not found"); that one is the Dockerfile's, not the cache's.
    private static string ComputeCacheKeyClass(string line)
    {
        if (line.Contains("failed to calculate checksum", StringComparison.Ordinal))
            return CiErrorClasses.Unrelated;

        return line.Contains("not found", StringComparison.OrdinalIgnoreCase)
            ? CiErrorClasses.CacheBlobNotFound
            : CiErrorClasses.CacheBlobReadFailed;
    }

    private (string?, string?)? DetectImport(string line, int? vertex, string body)
    {
        if (line.Contains("cache importer", StringComparison.Ordinal))
        {
            var missing = LogPatterns.ImporterNotFound().Match(line);
            if (missing.Success)
                return (CiErrorClasses.CacheRefNotFound, missing.Groups["ref"].Value);
        }

        if (line.Contains("error while importing cache manifest", StringComparison.Ordinal))
        {
            var debug = LogPatterns.ImportErrorDebug().Match(line);
            if (debug.Success)
                return (CiErrorClasses.CacheImportFailed, debug.Groups["ref"].Value);
        }

        var isVertexError = vertex is not null && body.StartsWith("ERROR", StringComparison.Ordinal);
        if (isVertexError && _importVertices.TryGetValue(vertex!.Value, out var importRef))
            return (CiErrorClasses.CacheImportFailed, importRef);

        return null;
    }

    private static (string?, string?)? DetectExport(string line)
    {
        var isExport =
            (line.Contains("error writing ", StringComparison.Ordinal) && LogPatterns.WritingBlob().IsMatch(line))
            || (line.Contains("unexpected status from ", StringComparison.Ordinal)
                && LogPatterns.PushStatus().IsMatch(line));
        return isExport ? (CiErrorClasses.CacheExportFailed, null) : null;
    }

    private static (string?, string?) DetectGeneric(string line) =>
        MayBeGenericFailure(line) && LogPatterns.GenericFailure().IsMatch(line)
            ? (CiErrorClasses.Unrelated, null)
            : (null, null);

    // Every alternative of GenericFailure contains one of these; most lines contain none.
    private static bool MayBeGenericFailure(string line) =>
        line.Contains("rror", StringComparison.Ordinal)
        || line.Contains("ERR", StringComparison.Ordinal)
        || line.Contains("exit code", StringComparison.Ordinal)
        || line.Contains("FAIL", StringComparison.Ordinal)
        || line.Contains("ail", StringComparison.Ordinal)
        || line.StartsWith("make", StringComparison.Ordinal);

    private static bool HasRegistryContext(string line) =>
        line.Contains("/v2/", StringComparison.Ordinal)
        || line.Contains("request to", StringComparison.Ordinal)
        || line.Contains("blob", StringComparison.OrdinalIgnoreCase)
        || line.Contains("push", StringComparison.OrdinalIgnoreCase)
        || line.Contains("registry", StringComparison.OrdinalIgnoreCase)
        || line.Contains("failed commit", StringComparison.Ordinal)
        || line.Contains("upload", StringComparison.OrdinalIgnoreCase);

    private void Record(string errorClass, string line, string? explicitRef, int? vertex)
    {
        if (!_signals.TryGetValue(errorClass, out var signal))
        {
            var digest = LogPatterns.Digest().Match(line);
            var digestText = digest.Success ? digest.Value : null;
            signal = new LogSignal(errorClass, explicitRef ?? RefFromUrl(line), digestText, vertex);
            _signals[errorClass] = signal;
        }

        var shown = line.Length <= MaxShownLineLength ? line : line[..MaxShownLineLength] + "…";
        if (signal.Lines.Count < LogSignal.MaxLines && !signal.Lines.Contains(shown))
            signal.Lines.Add(shown);
    }

    private static string? RefFromUrl(string line)
    {
        if (!line.Contains("/v2/", StringComparison.Ordinal))
            return null;

        var url = LogPatterns.RegistryUrl().Match(line);
        if (!url.Success)
            return null;

        var repository = $"{url.Groups["host"].Value}/{url.Groups["repo"].Value}";
        var tag = url.Groups["tag"];
        return !tag.Success ? repository
            : tag.Value.StartsWith("sha256:", StringComparison.Ordinal) ? $"{repository}@{tag.Value}"
            : $"{repository}:{tag.Value}";
    }

    private CiLogClassification Build(LogSignal signal, bool isFatal, bool involvesRegistry)
    {
        var vertex = signal.VertexNumber is int n ? _vertices.NameOf(n) : null;
        vertex ??= _firstSummaryTitle;
        var reference = involvesRegistry ? ResolveRef(signal, vertex) : null;
        return new CiLogClassification(
            signal.ErrorClass, isFatal, involvesRegistry, reference, signal.Digest, vertex, signal.Lines, _lines);
    }

    // A blob URL names host/repo but no tag; the --cache-from option on the same repository does.
    // An image push (not the cache export) is not about the cache options at all.
    private string? ResolveRef(LogSignal signal, string? vertex)
    {
        var isExport = signal.ErrorClass is CiErrorClasses.CacheExportFailed or CiErrorClasses.RegistryNoSpace;
        var pushesImage = isExport && vertex is not (null or VertexTracker.ExportingCache);
        var options = pushesImage ? [] : isExport ? _cacheTo : _cacheFrom;
        if (signal.Ref is not { } found)
            return options.FirstOrDefault();
        if (pushesImage)
            return found;

        // Without cache options, the cache this build imported from names the tag: the exporter
        // writes back to the ref it read (the usual cache-from = cache-to set-up).
        return TaggedFor(found, options) ?? TaggedFor(found, _importVertices.Values) ?? found;
    }

    private static string? TaggedFor(string repository, IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(c =>
            c.StartsWith(repository + ":", StringComparison.Ordinal)
            || c.StartsWith(repository + "@", StringComparison.Ordinal));
}

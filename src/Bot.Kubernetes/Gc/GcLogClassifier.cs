using System.Text.RegularExpressions;
using Bot.Core.Investigations;
using Bot.Kubernetes.RegistryLogs;

namespace Bot.Kubernetes.Gc;

/// <summary>
/// Classifies GC output by the lines Harbor's jobservice and registryctl, and distribution's
/// <c>registry garbage-collect</c>, really print (DOMAIN §4.3, §5.2) — never by source line
/// numbers, which move between versions. The incident's illustrative
/// "GC failed: filesystem is almost full" is read as a no-space failure too. A dry run (Harbor's
/// <c>dry_run: true</c> and its "could free up … rough estimation", distribution's
/// <c>garbage-collect --dry-run</c>) that did not fail is <c>dry-run</c>: it deleted nothing.
/// </summary>
public static partial class GcLogClassifier
{
    private const int MaxDetail = 200;

    /// <summary>Lines that may matter to a verdict; a big pod log is filtered with this before keeping it.</summary>
    public static bool IsRelevant(string line) =>
        Start().IsMatch(line) || Success().IsMatch(line) || Failure(line) is not null || Progress().IsMatch(line)
        || DryRunMarker().IsMatch(line);

    /// <summary>Cuts a log holding several runs (a jobservice log) at each run's start.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SplitRuns(IEnumerable<string> lines)
    {
        var runs = new List<List<string>>();
        var current = new List<string>();
        var started = false;
        var ended = false;
        foreach (var line in lines)
        {
            var isStart = Start().IsMatch(line);
            if (isStart && (ended || started && StartsAgain(current, line)))
            {
                runs.Add(current);
                current = [];
                started = ended = false;
            }

            current.Add(line);
            started |= isStart;
            ended |= Success().IsMatch(line) || Failure(line) is not null;
        }

        if (current.Count > 0)
            runs.Add(current);
        return runs;
    }

    public static GcVerdict Classify(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        var times = all.Select(RegistryLogParser.TimeOf).Where(t => t is not null).ToList();
        var startedAt = times.FirstOrDefault();
        var endedAt = times.LastOrDefault();

        foreach (var line in all)
        {
            if (Failure(line) is { } failure)
                return new GcVerdict(failure, DetailOf(line), startedAt, endedAt);
        }

        var exit = all.FirstOrDefault(l => ExitCode().Match(l) is { Success: true } rc && rc.Groups["rc"].Value != "0");
        if (exit is not null)
            return new GcVerdict(GcOutcomes.FailedOther, DetailOf(exit), startedAt, endedAt);

        // A dry run only marks: whether it finished or is still going, it frees nothing.
        var dryRun = all.LastOrDefault(l => Estimate().IsMatch(l))
            ?? all.FirstOrDefault(l => DryRunMarker().IsMatch(l));
        if (dryRun is not null)
            return new GcVerdict(GcOutcomes.DryRun, DetailOf(dryRun), startedAt, endedAt);

        if (all.Any(l => Success().IsMatch(l)))
            return new GcVerdict(GcOutcomes.Succeeded, null, startedAt, endedAt);

        var retry = all.LastOrDefault(l => Retrying().IsMatch(l));
        if (retry is not null || all.Any(l => Start().IsMatch(l) || Progress().IsMatch(l)))
            return new GcVerdict(GcOutcomes.InProgress, retry is null ? null : DetailOf(retry), startedAt, endedAt);

        return new GcVerdict(GcOutcomes.NeverRan, null, null, null);
    }

    /// <summary>The failure class a line states, or null. Order matters: the reason beats the phase.</summary>
    private static string? Failure(string line)
    {
        if (line.Contains("registry controller is unreachable", StringComparison.OrdinalIgnoreCase))
            return GcOutcomes.RegistryUnreachable;

        var failed = FailureLine().IsMatch(line);
        if (failed && (line.Contains("no space left on device", StringComparison.OrdinalIgnoreCase)
            || line.Contains("filesystem is almost full", StringComparison.OrdinalIgnoreCase)))
        {
            return GcOutcomes.FailedNoSpace;
        }

        if (MarkFailed().IsMatch(line))
            return GcOutcomes.FailedMark;
        if (SweepFailed().IsMatch(line))
            return GcOutcomes.FailedSweep;
        return failed ? GcOutcomes.FailedOther : null;
    }

    private static bool StartsAgain(List<string> current, string line) =>
        current.Any(l => Start().Match(l) is { Success: true } m && m.Value == Start().Match(line).Value);

    private static string DetailOf(string line)
    {
        // Drop "<time> [LEVEL] [/path/file.go:123]: " (Harbor) or the logrus time/level so the reason is what remains.
        var text = HarborPrefix().Replace(line, "");
        var msg = LogrusMessage().Match(text);
        if (msg.Success)
            text = msg.Groups["m"].Value;
        text = text.Trim();
        return text.Length <= MaxDetail ? text : text[..MaxDetail] + " …";
    }

    [GeneratedRegex(
        @"Garbage Collection parameters|start to run gc in job|Starting garbage collection|garbage-collect\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Start();

    [GeneratedRegex(
        @"success to run gc in job|are actually deleted|actual frees up|no need to execute GC" +
        @"|GC completed successfully" +
        @"|^\d+ blobs marked, \d+ blobs and \d+ manifests eligible for deletion",
        RegexOptions.IgnoreCase)]
    private static partial Regex Success();

    [GeneratedRegex(
        @"marking (manifest|blob) sha256:|eligible for deletion|start to delete untagged|artifact trash candidates" +
        @"|delete blob from storage",
        RegexOptions.IgnoreCase)]
    private static partial Regex Progress();

    /// <summary>
    /// Harbor's parameters line with <c>dry_run: true</c>, its dry-run estimate, or distribution's
    /// <c>garbage-collect</c> invoked with <c>--dry-run</c> / <c>-d</c>.
    /// </summary>
    [GeneratedRegex(
        @"\bdry_run:\s*true\b|garbage-collect\b.*\s(--dry-run|-d)(\s|=true\b|$)|could free up .*rough estimation",
        RegexOptions.IgnoreCase)]
    private static partial Regex DryRunMarker();

    /// <summary>Harbor's dry-run estimate, the most telling line of a dry run.</summary>
    [GeneratedRegex(@"could free up .*rough estimation", RegexOptions.IgnoreCase)]
    private static partial Regex Estimate();

    [GeneratedRegex(@"failed to exec DeleteBlob", RegexOptions.IgnoreCase)]
    private static partial Regex Retrying();

    /// <summary>
    /// A statement that the run failed: Harbor's "failed to execute GC job", its runner's "exit
    /// with error" for a GC job, registryctl's "failed to remove blob", distribution's "failed to
    /// garbage collect" / "failed to mark" / "failed to sweep", and the incident's "GC failed" /
    /// "GC completed with errors".
    /// </summary>
    [GeneratedRegex(
        @"failed to execute GC job|GARBAGE_COLLECTION:[^']*' exit with error|failed to remove blob" +
        @"|failed to garbage collect" +
        @"|failed to (mark|sweep)\b|failed to delete blob\b|\bGC failed\b|GC completed with errors",
        RegexOptions.IgnoreCase)]
    private static partial Regex FailureLine();

    [GeneratedRegex(@"at mark phase|failed to mark\b", RegexOptions.IgnoreCase)]
    private static partial Regex MarkFailed();

    [GeneratedRegex(
        @"at sweep phase|failed to sweep\b|failed to remove blob|failed to delete blob\b", RegexOptions.IgnoreCase)]
    private static partial Regex SweepFailed();

    [GeneratedRegex(@"^rc=(?<rc>\d+)\s*$")]
    private static partial Regex ExitCode();

    [GeneratedRegex(@"^(\S+\s+)*?\[[A-Z]+\]\s+(\[[^\]]*\]:?\s*)?")]
    private static partial Regex HarborPrefix();

    [GeneratedRegex("msg=\"(?<m>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LogrusMessage();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Investigations;
using Bot.Kubernetes.Api;

namespace Bot.Kubernetes.Volume;

/// <summary>
/// The look inside the registry's storage: <c>df</c>, then empty blobs and links, abandoned
/// uploads, the largest blobs, and the broken blob's own data file. Every command is a fixed
/// argument array under the configured mount path; the only outside value, a digest, must match
/// <c>sha256:[a-f0-9]{64}</c> before it becomes part of a path. The scans are independent, so they
/// run side by side, each bounded by the exec timeout and output cap; a scan that fails is said in
/// the evidence, not fatal. Evidence comes back in a fixed order whatever finishes first.
/// </summary>
internal sealed partial class VolumeScan(ClusterApi api, string pod, string mountPath, ClusterOptions options)
{
    private const int LargestShown = 5;

    private string Root => mountPath.TrimEnd('/') + "/docker/registry/v2";

    public static bool IsDigest(string? digest) => digest is not null && DigestPattern().IsMatch(digest);

    /// <summary>
    /// Throws <see cref="ClusterCallException"/> when exec is refused: without df there is no verdict.
    /// </summary>
    public async Task<(DfUsage? Usage, Evidence Evidence)> DfAsync(CancellationToken cancellationToken)
    {
        var result = await api.ExecAsync(pod, ["df", "-P", mountPath], cancellationToken);
        var evidence = Evidence.Of($"exec {pod}: df -P {mountPath}", Answer(result));
        return (result.Succeeded ? DfParser.Parse(result.Stdout) : null, evidence);
    }

    public async Task<(Clues Clues, IReadOnlyList<Evidence> Evidence)> ScanAsync(
        Clues clues, CancellationToken cancellationToken)
    {
        string[] emptyBlobs = ["find", Root + "/blobs", "-type", "f", "-name", "data", "-size", "0"];
        string[] emptyLinks = ["find", Root + "/repositories", "-type", "f", "-name", "link", "-size", "0"];
        string[] uploadSizes =
        [
            "find", Root + "/repositories", "-type", "d", "-name", "_uploads", "-prune",
            "-exec", "du", "-s", "-k", "{}", "+",
        ];
        var large = "+" + options.LargeBlobThresholdKiB.ToString(CultureInfo.InvariantCulture) + "k";
        string[] largeBlobs =
            ["find", Root + "/blobs", "-type", "f", "-name", "data", "-size", large, "-exec", "du", "-k", "{}", "+"];

        var zeroBlobs = ListAsync(emptyBlobs, cancellationToken);
        var zeroLinks = ListAsync(emptyLinks, cancellationToken);
        var uploads = SizesAsync(uploadSizes, cancellationToken);
        var largest = SizesAsync(largeBlobs, cancellationToken);
        var broken = BrokenBlobAsync(clues, cancellationToken);
        await Task.WhenAll(zeroBlobs, zeroLinks, uploads, largest, broken);

        var evidence = new List<Evidence>();
        foreach (var scan in new[] { zeroBlobs.Result.Evidence, zeroLinks.Result.Evidence, uploads.Result.Evidence })
            evidence.AddRange(scan);
        evidence.AddRange(largest.Result.Evidence);
        if (largest.Result.Sizes is { } sizes)
            evidence.Add(Evidence.Of("largest blobs", Largest(sizes)));
        evidence.AddRange(broken.Result.Evidence);

        var next = broken.Result.Clues with
        {
            ZeroByteBlobFiles = zeroBlobs.Result.Lines?.Count,
            ZeroByteLinks = zeroLinks.Result.Lines?.Count,
            UploadsBytes = uploads.Result.Sizes?.Sum(e => e.KiB) * 1024,
        };
        return (next, evidence);
    }

    private static string Largest(List<(long KiB, string Path)> sizes)
    {
        var top = sizes.OrderByDescending(e => e.KiB).Take(LargestShown)
            .Select(e => $"{Sizes.Human(e.KiB * 1024)} {DigestOfPath(e.Path) ?? e.Path}").ToList();
        return top.Count > 0 ? string.Join('\n', top) : "none over the threshold";
    }

    private async Task<(Clues Clues, List<Evidence> Evidence)> BrokenBlobAsync(
        Clues clues, CancellationToken cancellationToken)
    {
        var digest = clues.BrokenBlobs.Count > 0 ? clues.BrokenBlobs[0].Digest : null;
        if (!IsDigest(digest))
        {
            List<Evidence> said = digest is null
                ? []
                : [Evidence.Of("broken blob on disk", $"not checked: '{digest}' is not a sha256 digest")];
            return (clues, said);
        }

        var hex = digest![7..];
        var path = $"{Root}/blobs/sha256/{hex[..2]}/{hex}/data";
        var (result, evidence) = await TryExecAsync(["stat", "-c", "%s", path], cancellationToken);
        if (result is null)
            return (clues, evidence);

        var parsed = long.TryParse(result.Stdout.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size);
        if (result.Succeeded && parsed)
            return (clues with { BrokenBlobOnDisk = true, BrokenBlobSizeOnDisk = size }, evidence);

        // stat says "No such file or directory" (GNU) or "can't stat" (busybox) for a missing file.
        var missing = result.Stderr.Contains("No such file", StringComparison.OrdinalIgnoreCase)
            || result.Stderr.Contains("can't stat", StringComparison.OrdinalIgnoreCase);
        return (missing ? clues with { BrokenBlobOnDisk = false } : clues, evidence);
    }

    private async Task<(List<string>? Lines, List<Evidence> Evidence)> ListAsync(
        string[] command, CancellationToken cancellationToken)
    {
        var (result, evidence) = await TryExecAsync(command, cancellationToken);
        if (result is null)
            return (null, evidence);

        var lines = result.Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        return (result.Succeeded || lines.Count > 0 ? lines : null, evidence);
    }

    private async Task<(List<(long KiB, string Path)>? Sizes, List<Evidence> Evidence)> SizesAsync(
        string[] command, CancellationToken cancellationToken)
    {
        var (lines, evidence) = await ListAsync(command, cancellationToken);
        if (lines is null)
            return (null, evidence);

        var sizes = new List<(long, string)>();
        foreach (var line in lines)
        {
            var tab = line.IndexOfAny(['\t', ' ']);
            if (tab > 0 && long.TryParse(line[..tab], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                sizes.Add((kib, line[(tab + 1)..].Trim()));
        }

        return (sizes, evidence);
    }

    private async Task<(ExecResult? Result, List<Evidence> Evidence)> TryExecAsync(
        string[] command, CancellationToken cancellationToken)
    {
        var request = $"exec {pod}: {string.Join(' ', command)}";
        try
        {
            var result = await api.ExecAsync(pod, command, cancellationToken);
            return (result, [Evidence.Of(request, Answer(result))]);
        }
        catch (ClusterCallException ex)
        {
            return (null, [Evidence.Of(request, $"not checked: {ex.Problem.Kind}: {ex.Problem.Detail}")]);
        }
    }

    private static string Answer(ExecResult result)
    {
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var head = string.Join('\n', lines.Take(20));
        var more = lines.Length > 20 ? $"\n… {lines.Length - 20} more lines" : "";
        var cut = result.Truncated ? "\n(output cut at the size limit)" : "";
        var error = result.Stderr.Length > 0 ? "\nstderr: " + result.Stderr.Trim() : "";
        return $"exit {result.ExitCode}\n{head}{more}{cut}{error}".Trim();
    }

    private static string? DigestOfPath(string path)
    {
        var match = BlobPath().Match(path);
        return match.Success ? "sha256:" + match.Groups["hex"].Value : null;
    }

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();

    [GeneratedRegex("/blobs/sha256/[a-f0-9]{2}/(?<hex>[a-f0-9]{64})/data$")]
    private static partial Regex BlobPath();
}

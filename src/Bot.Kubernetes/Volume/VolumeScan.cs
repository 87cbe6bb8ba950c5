using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Investigations;
using Bot.Kubernetes.Api;

namespace Bot.Kubernetes.Volume;

/// <summary>
/// The look inside the registry's storage after <c>df</c>: empty blobs and links, abandoned
/// uploads, the largest blobs, and the broken blob's own data file. Every command is a fixed
/// argument array under the configured mount path; the only outside value, a digest, must match
/// <c>sha256:[a-f0-9]{64}</c> before it becomes part of a path. Each scan is bounded by the exec
/// timeout and output cap, and a scan that fails is said in the evidence, not fatal.
/// </summary>
internal sealed partial class VolumeScan(ClusterApi api, string pod, string mountPath, ClusterOptions options)
{
    private const int LargestShown = 5;

    private string Root => mountPath.TrimEnd('/') + "/docker/registry/v2";

    public List<Evidence> Evidence { get; } = [];

    public static bool IsDigest(string? digest) => digest is not null && DigestPattern().IsMatch(digest);

    public async Task<DfUsage?> DfAsync(CancellationToken cancellationToken)
    {
        var result = await api.ExecAsync(pod, ["df", "-P", mountPath], cancellationToken);
        Evidence.Add(Core.Investigations.Evidence.Of($"exec {pod}: df -P {mountPath}", Answer(result)));
        return result.Succeeded ? DfParser.Parse(result.Stdout) : null;
    }

    public async Task<Clues> ScanAsync(Clues clues, CancellationToken cancellationToken)
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

        var zeroBlobs = await ListAsync(emptyBlobs, cancellationToken);
        var zeroLinks = await ListAsync(emptyLinks, cancellationToken);
        var uploads = await SizesAsync(uploadSizes, cancellationToken);
        var largest = await SizesAsync(largeBlobs, cancellationToken);
        if (largest is not null)
        {
            var top = largest.OrderByDescending(e => e.KiB).Take(LargestShown)
                .Select(e => $"{Sizes.Human(e.KiB * 1024)} {DigestOfPath(e.Path) ?? e.Path}").ToList();
            var answer = top.Count > 0 ? string.Join('\n', top) : "none over the threshold";
            Evidence.Add(Core.Investigations.Evidence.Of("largest blobs", answer));
        }

        var next = clues with
        {
            ZeroByteBlobFiles = zeroBlobs?.Count,
            ZeroByteLinks = zeroLinks?.Count,
            UploadsBytes = uploads?.Sum(e => e.KiB) * 1024,
        };
        return await BrokenBlobAsync(next, cancellationToken);
    }

    private async Task<Clues> BrokenBlobAsync(Clues clues, CancellationToken cancellationToken)
    {
        var digest = clues.BrokenBlobs.Count > 0 ? clues.BrokenBlobs[0].Digest : null;
        if (!IsDigest(digest))
        {
            if (digest is not null)
            {
                var answer = $"not checked: '{digest}' is not a sha256 digest";
                Evidence.Add(Core.Investigations.Evidence.Of("broken blob on disk", answer));
            }
            return clues;
        }

        var hex = digest![7..];
        var path = $"{Root}/blobs/sha256/{hex[..2]}/{hex}/data";
        var result = await TryExecAsync(["stat", "-c", "%s", path], cancellationToken);
        if (result is null)
            return clues;

        var parsed = long.TryParse(result.Stdout.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size);
        if (result.Succeeded && parsed)
            return clues with { BrokenBlobOnDisk = true, BrokenBlobSizeOnDisk = size };

        // stat says "No such file or directory" (GNU) or "can't stat" (busybox) for a missing file.
        var missing = result.Stderr.Contains("No such file", StringComparison.OrdinalIgnoreCase)
            || result.Stderr.Contains("can't stat", StringComparison.OrdinalIgnoreCase);
        return missing ? clues with { BrokenBlobOnDisk = false } : clues;
    }

    private async Task<List<string>?> ListAsync(string[] command, CancellationToken cancellationToken)
    {
        var result = await TryExecAsync(command, cancellationToken);
        if (result is null)
            return null;

        var lines = result.Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        return result.Succeeded || lines.Count > 0 ? lines : null;
    }

    private async Task<List<(long KiB, string Path)>?> SizesAsync(string[] command, CancellationToken cancellationToken)
    {
        var lines = await ListAsync(command, cancellationToken);
        if (lines is null)
            return null;

        var sizes = new List<(long, string)>();
        foreach (var line in lines)
        {
            var tab = line.IndexOfAny(['\t', ' ']);
            if (tab > 0 && long.TryParse(line[..tab], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                sizes.Add((kib, line[(tab + 1)..].Trim()));
        }

        return sizes;
    }

    private async Task<ExecResult?> TryExecAsync(string[] command, CancellationToken cancellationToken)
    {
        var request = $"exec {pod}: {string.Join(' ', command)}";
        try
        {
            var result = await api.ExecAsync(pod, command, cancellationToken);
            Evidence.Add(Core.Investigations.Evidence.Of(request, Answer(result)));
            return result;
        }
        catch (ClusterCallException ex)
        {
            var answer = $"not checked: {ex.Problem.Kind}: {ex.Problem.Detail}";
            Evidence.Add(Core.Investigations.Evidence.Of(request, answer));
            return null;
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

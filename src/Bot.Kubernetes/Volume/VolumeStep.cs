using System.Globalization;
using Bot.Core.Investigations;
using Bot.Kubernetes.Api;
using Bot.Kubernetes.RegistryLogs;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Bot.Kubernetes.Volume;

/// <summary>
/// The registry volume: which PVC holds the storage, whether it can grow, how full it is
/// (<c>df -P</c> in the registry container), what fills it, whether the broken blob is on disk,
/// and — from the registry's own log — when writes failed for lack of space. The registry-error
/// part lives here because it is the volume's story: the time the disk ran out.
/// </summary>
public sealed class VolumeStep(ClusterApi api, ILogger<VolumeStep> logger) : IInvestigationStep
{
    /// <summary>Failed writes kept from the log; the first and the last place the corruption in time.</summary>
    private const int MaxErrorLines = 500;
    private const int MaxErrorsKept = 50;

    private ClusterOptions Options => api.Options;

    public StepName Name => StepName.Volume;

    public IReadOnlyCollection<string> FindingCodes => VolumeFindings.All;

    public async Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken)
    {
        var evidence = new List<Evidence>();
        try
        {
            return await WalkAsync(clues, evidence, cancellationToken);
        }
        catch (ClusterCallException ex)
        {
            ClusterLog.CallFailed(logger, Name.ToString(), ex.Problem.Kind, ex.Problem.Verb, ex.Problem.Resource);
            evidence.Add(ProblemFindings.Evidence(ex.Problem));
            var finding = ProblemFindings.Of(ex.Problem, Options.Namespace, CodeFor);
            return new StepResult(StepStatus.CouldNotCheck, finding, evidence, clues);
        }
    }

    private async Task<StepResult> WalkAsync(Clues clues, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var pod = await api.FindRegistryPodAsync(cancellationToken);
        var podName = pod.Metadata.Name;
        evidence.Add(Evidence.Of(
            $"list pods -n {Options.Namespace} -l {Options.LabelSelector}", $"{podName} ({pod.Status?.Phase ?? "?"})"));

        var container = pod.Spec.Containers.FirstOrDefault(c => c.Name == Options.Container);
        if (container is null)
        {
            return Problem(
                VolumeFindings.ContainerNotFound, clues, evidence, ("pod", podName), ("container", Options.Container));
        }

        var mountPath = Options.StorageMountPath.TrimEnd('/');
        var mount = container.VolumeMounts?.FirstOrDefault(m => m.MountPath.TrimEnd('/') == mountPath);
        if (mount is null)
        {
            var facts = new (string, string?)[] { ("pod", podName), ("mountPath", Options.StorageMountPath) };
            return Problem(VolumeFindings.MountNotFound, clues, evidence, facts);
        }

        // The PVC, df, the storage scans and the registry log do not depend on each other: ask at once.
        var volume = pod.Spec.Volumes?.FirstOrDefault(v => v.Name == mount.Name);
        var scan = new VolumeScan(api, podName, Options.StorageMountPath, Options);
        var pvcRead = ReadPvcAsync(volume, cancellationToken);
        var dfRead = scan.DfAsync(cancellationToken);
        var scanned = scan.ScanAsync(clues, cancellationToken);
        var logRead = ReadRegistryErrorsAsync(podName, cancellationToken);
        try
        {
            await Task.WhenAll(pvcRead, dfRead, scanned, logRead);
        }
        catch (ClusterCallException)
        {
            // Awaited one by one below, so a missing PVC is named before a refused exec.
        }

        var (pvc, pvcEvidence) = await pvcRead;
        evidence.AddRange(pvcEvidence);
        var (df, dfEvidence) = await dfRead;
        evidence.Add(dfEvidence);
        var next = pvc(clues);
        if (df is null)
        {
            return Problem(
                VolumeFindings.DfUnreadable, next, evidence, ("pod", podName), ("mountPath", Options.StorageMountPath));
        }

        var (afterScan, scanEvidence) = await scanned;
        var (errors, logEvidence) = await logRead;
        evidence.AddRange(scanEvidence);
        evidence.Add(logEvidence);
        next = pvc(afterScan) with
        {
            VolumeUsePercent = df.UsePercent,
            VolumeFullThresholdPercent = Options.UsageThresholdPercent,
            VolumeSizeBytes = df.SizeBytes,
            VolumeAvailableBytes = df.AvailableBytes,
            RegistryWriteErrors = errors ?? afterScan.RegistryWriteErrors,
        };

        return Verdict(podName, df, next, evidence);
    }

    /// <summary>What the PVC and its class add to the clues, and the evidence for it.</summary>
    private async Task<(Func<Clues, Clues> Apply, List<Evidence> Evidence)> ReadPvcAsync(
        V1Volume? volume, CancellationToken cancellationToken)
    {
        var claim = volume?.PersistentVolumeClaim?.ClaimName;
        if (claim is null)
        {
            var answer = $"{volume?.Name ?? "?"} is not a PVC; nothing to resize";
            return (c => c, [Evidence.Of($"volume at {Options.StorageMountPath}", answer)]);
        }

        var pvc = PvcFacts.Of(await api.ReadPvcAsync(claim, cancellationToken));
        List<Evidence> evidence = [Evidence.Of($"get pvc {claim} -n {Options.Namespace}", pvc.Describe())];
        bool? expandable = null;
        if (pvc.StorageClass is not null)
        {
            try
            {
                var storageClass = await api.ReadStorageClassAsync(pvc.StorageClass, cancellationToken);
                expandable = storageClass.AllowVolumeExpansion == true;
                var allow = (storageClass.AllowVolumeExpansion?.ToString() ?? "unset").ToLowerInvariant();
                evidence.Add(Evidence.Of(
                    $"get storageclass {pvc.StorageClass}",
                    $"allowVolumeExpansion {allow}, provisioner {storageClass.Provisioner}"));
            }
            catch (ClusterCallException ex)
            {
                // Without the class, growth is unknown and no resize will be offered; the rest still stands.
                evidence.Add(ProblemFindings.Evidence(ex.Problem));
            }
        }

        return (c => c with
        {
            PvcName = pvc.Name,
            StorageClassName = pvc.StorageClass,
            PvcRequestedSize = pvc.Requested,
            VolumeResizeInProgress = pvc.ResizeInProgress,
            VolumeExpandable = expandable,
        }, evidence);
    }

    /// <summary>The failed writes in the registry's log window; null when the log could not be read.</summary>
    private async Task<(IReadOnlyList<RegistryWriteError>? Errors, Evidence Evidence)> ReadRegistryErrorsAsync(
        string pod, CancellationToken cancellationToken)
    {
        var request = $"get pods/{pod}/log -c {Options.Container} --since={Options.RegistryLogWindow.TotalHours:0}h";
        try
        {
            var log = await api.ReadLogLinesAsync(
                Options.Namespace, pod, Options.Container, Options.RegistryLogWindow, RegistryLogParser.IsCandidate,
                MaxErrorLines, cancellationToken);
            var errors = RegistryLogParser.Parse(log.Lines);
            return (Bounded(errors), Evidence.Of(request, DescribeErrors(errors, log)));
        }
        catch (ClusterCallException ex)
        {
            var problem = ex.Problem;
            var answer = $"not read: {problem.Kind}: {problem.Verb} {problem.Resource}: {problem.Detail}";
            return (null, Evidence.Of(request, answer));
        }
    }

    /// <summary>Keeps the first and the latest failures: when it began and whether it goes on.</summary>
    private static List<RegistryWriteError> Bounded(IReadOnlyList<RegistryWriteError> errors) =>
        errors.Count <= MaxErrorsKept
            ? [.. errors]
            : [.. errors.Take(MaxErrorsKept / 2), .. errors.Skip(errors.Count - MaxErrorsKept / 2)];

    private static string DescribeErrors(IReadOnlyList<RegistryWriteError> errors, PodLogLines log)
    {
        if (errors.Count == 0)
            return $"no failed writes in {log.LinesRead} lines" + (log.Cut ? " (read cut at the size limit)" : "");

        var lines = errors.GroupBy(e => e.Kind).Select(g =>
        {
            var first = g.FirstOrDefault(e => e.At is not null)?.At;
            var last = g.LastOrDefault(e => e.At is not null)?.At;
            var digests = string.Join(", ", g.Select(e => e.Digest).OfType<string>().Distinct().Take(3));
            var named = digests.Length > 0 ? $" ({digests})" : "";
            return $"{g.Key}: {g.Count()} from {Time(first)} to {Time(last)}{named}";
        });
        return string.Join('\n', lines) + (log.Cut ? "\n(read cut at the size limit)" : "");
    }

    private StepResult Verdict(string pod, DfUsage df, Clues clues, List<Evidence> evidence)
    {
        var noSpace = clues.RegistryWriteErrors.Where(e => e.Kind == RegistryWriteErrorKinds.NoSpace).ToList();
        var code = df.UsePercent >= Options.UsageThresholdPercent ? VolumeFindings.Full
            : noSpace.Count > 0 ? VolumeFindings.RanOutEarlier
            : VolumeFindings.Ok;

        var finding = Finding.Of(
            code,
            ("pod", pod),
            ("pvc", clues.PvcName),
            ("usePercent", df.UsePercent.ToString(CultureInfo.InvariantCulture)),
            ("threshold", Options.UsageThresholdPercent.ToString(CultureInfo.InvariantCulture)),
            ("size", Sizes.Human(df.SizeBytes)),
            ("available", Sizes.Human(df.AvailableBytes)),
            ("expandable", clues.VolumeExpandable switch { true => "true", false => "false", null => null }),
            ("noSpaceCount", noSpace.Count.ToString(CultureInfo.InvariantCulture)),
            ("firstNoSpaceAt", Time(noSpace.FirstOrDefault(e => e.At is not null)?.At)),
            ("zeroByteBlobs", clues.ZeroByteBlobFiles?.ToString(CultureInfo.InvariantCulture)),
            ("zeroByteLinks", clues.ZeroByteLinks?.ToString(CultureInfo.InvariantCulture)),
            ("uploads", clues.UploadsBytes is long u ? Sizes.Human(u) : null),
            ("brokenBlobOnDisk", clues.BrokenBlobOnDisk switch { true => "true", false => "false", null => null }));

        return code == VolumeFindings.Ok
            ? new StepResult(StepStatus.Fine, finding, evidence, clues)
            : new StepResult(StepStatus.ProblemFound, finding, evidence, clues);
    }

    private static StepResult Problem(
        string code, Clues clues, List<Evidence> evidence, params (string, string?)[] facts) =>
        new(StepStatus.CouldNotCheck, Finding.Of(code, facts), evidence, clues);

    private static string CodeFor(ClusterProblem problem) => problem.Kind switch
    {
        ClusterProblemKinds.NotFound when problem.Resource == "pods" => VolumeFindings.PodNotFound,
        ClusterProblemKinds.NotFound when problem.Resource == "persistentvolumeclaims" => VolumeFindings.PvcNotFound,
        ClusterProblemKinds.Forbidden => VolumeFindings.Forbidden,
        ClusterProblemKinds.Unauthorized => VolumeFindings.Unauthorized,
        ClusterProblemKinds.Unreachable => VolumeFindings.Unreachable,
        ClusterProblemKinds.TimedOut => VolumeFindings.TimedOut,
        ClusterProblemKinds.NoConfig => VolumeFindings.NoConfig,
        ClusterProblemKinds.ExecFailed => VolumeFindings.ExecFailed,
        _ => VolumeFindings.Failed,
    };

    private static string? Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

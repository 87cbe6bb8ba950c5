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

        var volume = pod.Spec.Volumes?.FirstOrDefault(v => v.Name == mount.Name);
        var next = await ReadPvcAsync(volume, clues, evidence, cancellationToken);

        var scan = new VolumeScan(api, podName, Options.StorageMountPath, Options);
        var df = await scan.DfAsync(cancellationToken);
        evidence.AddRange(scan.Evidence);
        scan.Evidence.Clear();
        if (df is null)
        {
            return Problem(
                VolumeFindings.DfUnreadable, next, evidence, ("pod", podName), ("mountPath", Options.StorageMountPath));
        }

        next = next with
        {
            VolumeUsePercent = df.UsePercent,
            VolumeFullThresholdPercent = Options.UsageThresholdPercent,
            VolumeSizeBytes = df.SizeBytes,
            VolumeAvailableBytes = df.AvailableBytes,
        };
        next = await scan.ScanAsync(next, cancellationToken);
        evidence.AddRange(scan.Evidence);
        next = await ReadRegistryErrorsAsync(podName, next, evidence, cancellationToken);

        return Verdict(podName, df, next, evidence);
    }

    private async Task<Clues> ReadPvcAsync(
        V1Volume? volume, Clues clues, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var claim = volume?.PersistentVolumeClaim?.ClaimName;
        if (claim is null)
        {
            var answer = $"{volume?.Name ?? "?"} is not a PVC; nothing to resize";
            evidence.Add(Evidence.Of($"volume at {Options.StorageMountPath}", answer));
            return clues;
        }

        var pvc = PvcFacts.Of(await api.ReadPvcAsync(claim, cancellationToken));
        evidence.Add(Evidence.Of($"get pvc {claim} -n {Options.Namespace}", pvc.Describe()));
        var next = clues with
        {
            PvcName = pvc.Name,
            StorageClassName = pvc.StorageClass,
            PvcRequestedSize = pvc.Requested,
            VolumeResizeInProgress = pvc.ResizeInProgress,
        };
        if (pvc.StorageClass is null)
            return next;

        try
        {
            var storageClass = await api.ReadStorageClassAsync(pvc.StorageClass, cancellationToken);
            var expandable = storageClass.AllowVolumeExpansion == true;
            var allow = (storageClass.AllowVolumeExpansion?.ToString() ?? "unset").ToLowerInvariant();
            evidence.Add(Evidence.Of(
                $"get storageclass {pvc.StorageClass}",
                $"allowVolumeExpansion {allow}, provisioner {storageClass.Provisioner}"));
            return next with { VolumeExpandable = expandable };
        }
        catch (ClusterCallException ex)
        {
            // Without the class, growth is unknown and no resize will be offered; the rest still stands.
            evidence.Add(ProblemFindings.Evidence(ex.Problem));
            return next;
        }
    }

    private async Task<Clues> ReadRegistryErrorsAsync(
        string pod, Clues clues, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var request = $"get pods/{pod}/log -c {Options.Container} --since={Options.RegistryLogWindow.TotalHours:0}h";
        try
        {
            var log = await api.ReadLogLinesAsync(
                Options.Namespace, pod, Options.Container, Options.RegistryLogWindow, RegistryLogParser.IsCandidate,
                MaxErrorLines, cancellationToken);
            var errors = RegistryLogParser.Parse(log.Lines);
            evidence.Add(Evidence.Of(request, DescribeErrors(errors, log)));
            return clues with { RegistryWriteErrors = Bounded(errors) };
        }
        catch (ClusterCallException ex)
        {
            var problem = ex.Problem;
            var answer = $"not read: {problem.Kind}: {problem.Verb} {problem.Resource}: {problem.Detail}";
            evidence.Add(Evidence.Of(request, answer));
            return clues;
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

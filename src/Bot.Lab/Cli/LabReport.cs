using System.Globalization;
using System.Text;
using Bot.Lab.Cluster;
using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;

namespace Bot.Lab.Cli;

/// <summary>What the lab prints about a started session before the bot takes over.</summary>
public static class LabReport
{
    public static string Text(LabSession session, string runLink)
    {
        var usage = session.VolumeUsage;
        var ci = session.CiRun;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Scenario {session.Scenario.Name}: {session.Scenario.Story}");
        var process = session.RegistryProcessId is { } pid ? $"pid {pid}" : "stopped";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Registry  {session.RegistryName} -> {session.RegistryBaseUri} ({process})");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Volume    {session.VolumePath}: {usage.UsedPercent:F1} % of {ByteSize.Format(usage.TotalBytes)} used");
        text.AppendLine(CultureInfo.InvariantCulture, $"Log       {session.RegistryLogPath}");
        foreach (var artifact in session.Pushed)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Pushed    {session.RegistryName}/{artifact.Reference}@{artifact.Digest}");
        }

        if (session.Cluster is { } cluster)
        {
            var scenario = cluster.Scenario;
            var forbidden = scenario.Forbidden.Count == 0
                ? ""
                : "; forbidden: " + string.Join(", ", scenario.Forbidden.Select(r => $"{r.Verb} {r.Resource}"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Cluster   {cluster.BaseUri} ns {scenario.Namespace}, pod {scenario.RegistryPod}, " +
                $"PVC {scenario.PvcName ?? "none"}, {GcSource(cluster)}{forbidden}; " +
                $"kubeconfig {cluster.KubeconfigPath}");
        }
        else
        {
            text.AppendLine("Cluster   none (the scenario has no cluster: section)");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"Induced   {FailureKinds.NameOf(session.Failure.Kind)}: {session.Failure.Summary}");
        var jobs = string.Join(", ", ci.Jobs.Select(j => $"{j.Name} ({j.Conclusion})"));
        text.AppendLine(CultureInfo.InvariantCulture, $"CI run    {ci.Owner}/{ci.Repository} run {ci.RunId}: {jobs}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Run link  {runLink}");
        return text.ToString().TrimEnd();
    }

    private static string GcSource(ClusterSimulator cluster) => cluster.Scenario.HarborGc.Count > 0
        ? $"{cluster.Scenario.HarborGc.Count} Harbor GC jobs at {cluster.HarborBaseUri}"
        : $"{cluster.Scenario.GcPods.Count} GC pods";
}

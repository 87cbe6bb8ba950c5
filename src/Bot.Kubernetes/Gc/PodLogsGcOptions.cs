namespace Bot.Kubernetes.Gc;

/// <summary>
/// The pods whose logs hold GC runs; set one of <see cref="Pod"/>, <see cref="Job"/>,
/// <see cref="CronJob"/> or <see cref="LabelSelector"/>. Each pod's log is one or more runs.
/// </summary>
public sealed class PodLogsGcOptions
{
    /// <summary>Defaults to the registry's namespace.</summary>
    public string? Namespace { get; set; }

    public string? Pod { get; set; }

    /// <summary>A Job name: its pods carry the label <c>job-name=&lt;job&gt;</c>.</summary>
    public string? Job { get; set; }

    /// <summary>
    /// A CronJob: its Jobs are named <c>&lt;cronjob&gt;-&lt;n&gt;</c>, which their pods carry as <c>job-name</c>.
    /// </summary>
    public string? CronJob { get; set; }

    public string? LabelSelector { get; set; }

    /// <summary>The container to read; empty reads the pod's only container.</summary>
    public string? Container { get; set; }

    public TimeSpan Since { get; set; } = TimeSpan.FromHours(168);
}

namespace Bot.Kubernetes.Volume;

/// <summary>The volume step's finding codes; each has a template in <c>prompts/findings/</c>.</summary>
public static class VolumeFindings
{
    public const string Ok = "volume.ok";
    public const string Full = "volume.full";
    public const string RanOutEarlier = "volume.ran-out-earlier";
    public const string Forbidden = "volume.forbidden";
    public const string Unauthorized = "volume.unauthorized";
    public const string PodNotFound = "volume.pod-not-found";
    public const string ContainerNotFound = "volume.container-not-found";
    public const string MountNotFound = "volume.mount-not-found";
    public const string PvcNotFound = "volume.pvc-not-found";
    public const string ExecFailed = "volume.exec-failed";
    public const string Unreachable = "volume.unreachable";
    public const string TimedOut = "volume.timed-out";
    public const string NoConfig = "volume.no-config";
    public const string DfUnreadable = "volume.df-unreadable";
    public const string Failed = "volume.failed";

    public static IReadOnlyCollection<string> All { get; } =
    [
        Ok, Full, RanOutEarlier, Forbidden, Unauthorized, PodNotFound, ContainerNotFound, MountNotFound, PvcNotFound,
        ExecFailed, Unreachable, TimedOut, NoConfig, DfUnreadable, Failed,
    ];
}

namespace Bot.Kubernetes.Volume;

/// <summary>One row of <c>df -P</c>: sizes in bytes, use as the tool rounds it.</summary>
public sealed record DfUsage(
    string Filesystem, long SizeBytes, long UsedBytes, long AvailableBytes, int UsePercent, string MountedOn);

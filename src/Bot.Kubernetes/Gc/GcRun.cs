namespace Bot.Kubernetes.Gc;

/// <summary>One GC run as a source reports it: where it came from (a Harbor job id, a pod) and its verdict.</summary>
public sealed record GcRun(string Source, DateTimeOffset? At, GcVerdict Verdict);

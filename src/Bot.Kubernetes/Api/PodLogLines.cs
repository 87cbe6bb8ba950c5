namespace Bot.Kubernetes.Api;

/// <summary>The kept lines of a pod log, how many were read, and whether the read stopped at the size cap.</summary>
public sealed record PodLogLines(IReadOnlyList<string> Lines, int LinesRead, bool Cut);

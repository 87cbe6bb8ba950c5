namespace Bot.Kubernetes.Api;

/// <summary>What one exec printed, cut at the configured size, and how it exited.</summary>
public sealed record ExecResult(int ExitCode, string Stdout, string Stderr, bool Truncated)
{
    public bool Succeeded => ExitCode == 0;
}

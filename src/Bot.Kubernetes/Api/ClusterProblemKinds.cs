namespace Bot.Kubernetes.Api;

public static class ClusterProblemKinds
{
    public const string Forbidden = "forbidden";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "not-found";
    public const string Unreachable = "unreachable";
    public const string TimedOut = "timed-out";

    /// <summary>The exec started but the API or the container refused to run the command.</summary>
    public const string ExecFailed = "exec-failed";

    /// <summary>No kubeconfig and not in a cluster.</summary>
    public const string NoConfig = "no-config";

    public const string Failed = "failed";
}

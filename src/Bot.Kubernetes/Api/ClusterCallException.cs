namespace Bot.Kubernetes.Api;

/// <summary>A cluster call failed in a way the steps turn into a finding; never escapes a step.</summary>
public sealed class ClusterCallException(ClusterProblem problem, Exception? inner = null)
    : Exception($"{problem.Kind}: {problem.Verb} {problem.Resource} {problem.Name}: {problem.Detail}", inner)
{
    public ClusterProblem Problem { get; } = problem;
}

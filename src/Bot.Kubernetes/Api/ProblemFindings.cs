using Bot.Core.Investigations;

namespace Bot.Kubernetes.Api;

/// <summary>A failed cluster call as a "could not check" finding that names what is missing.</summary>
internal static class ProblemFindings
{
    /// <summary><paramref name="codeFor"/> picks the step's own code for the problem.</summary>
    public static Finding Of(ClusterProblem problem, string? @namespace, Func<ClusterProblem, string> codeFor) =>
        Finding.Of(
            codeFor(problem),
            ("verb", problem.Verb),
            ("resource", problem.Resource),
            ("name", problem.Name),
            ("namespace", @namespace),
            ("detail", problem.Detail),
            ("verbs", problem.VerbsNeeded.Count > 0 ? string.Join(" and ", problem.VerbsNeeded) : null));

    public static Evidence Evidence(ClusterProblem problem) =>
        Bot.Core.Investigations.Evidence.Of(
            $"{problem.Verb} {problem.Resource}{(problem.Name is null ? "" : " " + problem.Name)}",
            $"{problem.Kind}: {problem.Detail}");
}

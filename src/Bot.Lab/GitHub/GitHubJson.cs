using System.Text.Json;

namespace Bot.Lab.GitHub;

/// <summary>
/// Bodies shaped like GitHub's REST answers, with the fields Octokit's <c>WorkflowJob</c> and
/// <c>WorkflowJobsResponse</c> read (snake_case, as GitHub writes them).
/// </summary>
internal static class GitHubJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private static readonly DateTimeOffset Started = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    public static object Error(string message) =>
        new { Message = message, DocumentationUrl = "https://docs.github.com/rest", Status = "" };

    public static object Run(LabRun run, Uri root)
    {
        var failed = run.Jobs.Any(j => j.Conclusion == "failure");
        var running = run.Jobs.Any(j => string.IsNullOrEmpty(j.Conclusion));
        var api = ApiUrl(root, run);
        return new
        {
            Id = run.RunId,
            Name = "build",
            NodeId = $"WFR_{run.RunId}",
            HeadBranch = "main",
            HeadSha = new string('a', 40),
            RunNumber = 1,
            RunAttempt = 1,
            Event = "push",
            Status = running ? "in_progress" : "completed",
            Conclusion = running ? null : failed ? "failure" : "success",
            WorkflowId = 1,
            Url = api,
            HtmlUrl = new Uri(root, $"{run.Owner}/{run.Repository}/actions/runs/{run.RunId}").ToString(),
            JobsUrl = $"{api}/jobs",
            LogsUrl = $"{api}/logs",
            CreatedAt = Started,
            UpdatedAt = Started.AddMinutes(5),
        };
    }

    public static object Jobs(LabRun run, Uri root) => new
    {
        TotalCount = run.Jobs.Count,
        Jobs = run.Jobs.Select(j => Job(run, j, root)).ToList(),
    };

    private static object Job(LabRun run, LabJob job, Uri root)
    {
        var running = string.IsNullOrEmpty(job.Conclusion);
        var repoApi = new Uri(root, $"api/v3/repos/{run.Owner}/{run.Repository}/").ToString();
        return new
        {
            job.Id,
            RunId = run.RunId,
            RunUrl = ApiUrl(root, run),
            RunAttempt = 1,
            NodeId = $"CR_{job.Id}",
            HeadSha = new string('a', 40),
            Url = $"{repoApi}actions/jobs/{job.Id}",
            HtmlUrl = new Uri(root, $"{run.Owner}/{run.Repository}/actions/runs/{run.RunId}/job/{job.Id}").ToString(),
            Status = running ? "in_progress" : "completed",
            Conclusion = running ? null : job.Conclusion,
            StartedAt = Started,
            CompletedAt = running ? (DateTimeOffset?)null : Started.AddMinutes(4),
            job.Name,
            Steps = Array.Empty<object>(),
            CheckRunUrl = $"{repoApi}check-runs/{job.Id}",
            Labels = new[] { "ubuntu-latest" },
            RunnerId = 1,
            RunnerName = "lab-runner",
            RunnerGroupId = 1,
            RunnerGroupName = "Default",
            WorkflowName = "build",
        };
    }

    private static string ApiUrl(Uri root, LabRun run) =>
        new Uri(root, $"api/v3/repos/{run.Owner}/{run.Repository}/actions/runs/{run.RunId}").ToString();
}

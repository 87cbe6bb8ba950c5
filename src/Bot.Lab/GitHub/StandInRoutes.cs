
namespace Bot.Lab.GitHub;

/// <summary>The stand-in's endpoints and its token check; everything unknown is GitHub's 404 JSON.</summary>
internal sealed class StandInRoutes
{
    private const string StoragePath = "/storage/logs";

    private readonly IReadOnlyList<LabRun> _runs;
    private readonly LogTickets _tickets;
    private readonly string? _requiredToken;

    public StandInRoutes(IReadOnlyList<LabRun> runs, LogTickets tickets, string? requiredToken)
    {
        _runs = runs;
        _tickets = tickets;
        _requiredToken = string.IsNullOrEmpty(requiredToken) ? null : requiredToken;
    }

    public void Map(WebApplication app, string apiPrefix)
    {
        var api = app.MapGroup(apiPrefix).AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            return IsAuthorized(request) ? await next(context) : Unauthorized(request);
        });

        api.MapGet("/repos/{owner}/{repo}/actions/runs/{runId:long}", GetRun);
        api.MapGet("/repos/{owner}/{repo}/actions/runs/{runId:long}/jobs", GetJobs);
        api.MapGet("/repos/{owner}/{repo}/actions/jobs/{jobId:long}/logs", RedirectToLog);
        app.MapGet(StoragePath + "/{ticket}", ReadStoredLog);
        app.MapFallback(() => NotFound());
    }

    private IResult GetRun(string owner, string repo, long runId, HttpRequest request) =>
        FindRun(owner, repo, runId) is { } run
            ? Results.Json(GitHubJson.Run(run, WebRoot(request)), GitHubJson.Options)
            : NotFound();

    private IResult GetJobs(string owner, string repo, long runId, HttpRequest request) =>
        FindRun(owner, repo, runId) is { } run
            ? Results.Json(GitHubJson.Jobs(run, WebRoot(request)), GitHubJson.Options)
            : NotFound();

    private IResult RedirectToLog(string owner, string repo, long jobId, HttpRequest request)
    {
        var job = _runs.Where(r => Same(r, owner, repo)).SelectMany(r => r.Jobs).FirstOrDefault(j => j.Id == jobId);
        if (job is null)
            return NotFound();

        // A different host name for the same listener: see GitHubStandIn's remarks.
        var storage = $"http://localhost:{request.Host.Port}{StoragePath}/{_tickets.Issue(job.Log)}";
        return Results.Redirect(storage);
    }

    // Worded like the blob storage GitHub redirects to, which also refuses a second credential.
    private IResult ReadStoredLog(string ticket, HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0)
            return PlainText(400, "Authentication information is not given in the correct format.");

        return _tickets.TryRedeem(ticket, out var log)
            ? Results.Text(log, "text/plain; charset=utf-8")
            : PlainText(404, "The specified blob does not exist or the link has expired.");
    }

    private static IResult PlainText(int status, string text) => Results.Text(text, "text/plain", statusCode: status);

    private bool IsAuthorized(HttpRequest request)
    {
        if (_requiredToken is null)
            return true;

        // The scheme is case-insensitive (Octokit sends "Token …"); the credential is not.
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
            return false;

        var scheme = header[..space];
        var isTokenScheme = scheme.Equals("token", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase);
        return isTokenScheme && header[(space + 1)..] == _requiredToken;
    }

    private static IResult Unauthorized(HttpRequest request) =>
        Results.Json(
            GitHubJson.Error(request.Headers.Authorization.Count == 0 ? "Requires authentication" : "Bad credentials"),
            GitHubJson.Options,
            statusCode: StatusCodes.Status401Unauthorized);

    private static IResult NotFound() =>
        Results.Json(GitHubJson.Error("Not Found"), GitHubJson.Options, statusCode: StatusCodes.Status404NotFound);

    private LabRun? FindRun(string owner, string repo, long runId) =>
        _runs.FirstOrDefault(r => r.RunId == runId && Same(r, owner, repo));

    private static bool Same(LabRun run, string owner, string repo) =>
        string.Equals(run.Owner, owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(run.Repository, repo, StringComparison.OrdinalIgnoreCase);

    private static Uri WebRoot(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");
}

using System.Net;
using System.Runtime.Serialization;
using Bot.Core.Targets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace Bot.GitHub.Api;

/// <summary>
/// Reads a failed job's log through Octokit: the run's jobs (latest attempt), the failed one (or
/// the one the link names), then its log. GitHub answers the log request with a 302 to a storage
/// URL that expires within a minute; Octokit follows it at once, drops the token when the host
/// changes, and the URL is never kept or logged here.
/// </summary>
public sealed class CiLogSource : ICiLogSource, IDisposable
{
    private static readonly ProductHeaderValue Product = new("triage-bot");

    private readonly GitHubClient _client;
    private readonly HttpClientAdapter _http;
    private readonly long _maxLogBytes;
    private readonly TimeProvider _time;
    private readonly ILogger<CiLogSource> _logger;

    public CiLogSource(IOptions<GitHubOptions> options, TimeProvider time, ILogger<CiLogSource> logger)
    {
        var value = options.Value;
        _maxLogBytes = value.MaxLogBytes;
        _time = time;
        _logger = logger;

        var apiBase = GitHubApiAddress.Resolve(new Uri(value.ApiBaseUrl, UriKind.Absolute));
        var credentials = string.IsNullOrEmpty(value.Token) ? Credentials.Anonymous : new Credentials(value.Token);

        // Octokit follows redirects itself, so the socket handler must not; the size limit sits
        // between them and sees the API's 302 and the storage's 200 as separate responses.
        var http = new HttpClientAdapter(() =>
        {
            var sockets = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
            };
            return new SizeLimitHandler(
                _maxLogBytes, new JsonAnswerHandler(apiBase, new BinaryLogAsTextHandler(sockets)));
        });
        http.SetRequestTimeout(value.RequestTimeout);
        _http = http;

        var store = new InMemoryCredentialStore(credentials);
        var connection = new Connection(Product, apiBase, store, http, new SimpleJsonSerializer());
        _client = new GitHubClient(connection);
        GitHubLog.ClientCreated(logger, apiBase, credentials.AuthenticationType != AuthenticationType.Anonymous);
    }

    public async Task<CiLogFetch> FetchFailedJobLogAsync(RunLink link, CancellationToken cancellationToken)
    {
        IReadOnlyList<WorkflowJob> jobs;
        try
        {
            // A job id in the link may belong to an earlier attempt, so then every attempt is listed.
            var request = new WorkflowRunJobsRequest
            {
                Filter = link.JobId is null ? WorkflowRunJobsFilter.Latest : WorkflowRunJobsFilter.All,
            };
            var response = await _client.Actions.Workflows.Jobs.List(link.Owner, link.Repository, link.RunId, request)
                .WaitAsync(cancellationToken);
            jobs = response.Jobs ?? throw new NotJsonAnswerException("The jobs answer has no jobs list.");
        }
        catch (Exception ex) when (Map(ex, CiFetchOutcome.RunNotFound, cancellationToken) is { } failure)
        {
            return Report(link, failure);
        }
        catch (Exception ex) when (ex is SerializationException or InvalidCastException or FormatException)
        {
            // This call is Octokit reading JSON from end to end, none of our code runs inside it:
            // a parse or cast failure there means the body labelled JSON is not the API's JSON.
            var detail = $"the jobs list does not read as the API's JSON ({ex.GetType().Name})";
            return Report(link, CiLogFetch.Failed(CiFetchOutcome.Garbage, detail));
        }

        var (job, verdict) = Choose(jobs, link);
        GitHubLog.JobChosen(_logger, link.Owner, link.Repository, link.RunId, jobs.Count, job?.Id);
        if (verdict is not null)
            return verdict.Outcome == CiFetchOutcome.NoFailedJob ? verdict : Report(link, verdict);

        return await ReadLogAsync(link, job!, jobs.Count, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<CiLogFetch> ReadLogAsync(
        RunLink link, CiJob job, int jobCount, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        string? log;
        try
        {
            log = await _client.Actions.Workflows.Jobs.GetLogs(link.Owner, link.Repository, job.Id)
                .WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (Map(ex, CiFetchOutcome.JobNotFound, cancellationToken) is { } failure)
        {
            return Report(link, failure with { Job = job, JobCount = jobCount });
        }

        // Octokit hands over a body only when it reads it as text; BinaryLogAsTextHandler covers
        // octet-stream, but any other non-text label (image/*, zip) still leaves nothing to read.
        if (log is null)
        {
            var unreadable = CiLogFetch.Failed(
                CiFetchOutcome.Unreachable, "the log was not served as text", job, jobCount);
            return Report(link, unreadable);
        }

        if (log.Length > _maxLogBytes)
        {
            var tooLarge = CiLogFetch.Failed(CiFetchOutcome.LogTooLarge, LimitDetail(log.Length), job, jobCount);
            return Report(link, tooLarge);
        }

        var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        GitHubLog.LogRead(_logger, job.Id, link.Owner, link.Repository, log.Length, elapsed);
        return CiLogFetch.Fetched(job, jobCount, log);
    }

    private static (CiJob? Job, CiLogFetch? Verdict) Choose(IReadOnlyList<WorkflowJob> jobs, RunLink link)
    {
        var all = jobs.Select(j => new CiJob(j.Id, j.Name, j.Conclusion?.StringValue)).ToList();
        if (link.JobId is long wanted)
        {
            var linked = all.FirstOrDefault(j => j.Id == wanted);
            if (linked is null)
            {
                var detail = $"job {wanted} is not part of run {link.RunId}";
                return (null, CiLogFetch.Failed(CiFetchOutcome.JobNotFound, detail, null, all.Count));
            }

            // The person pointed at this job: read it unless it plainly passed.
            return linked.Conclusion is "success" or "skipped" or "neutral"
                ? (linked, CiLogFetch.NoFailedJob(all.Count, linked))
                : (linked, null);
        }

        var failed = all.FirstOrDefault(j => j.Conclusion == "failure")
            ?? all.FirstOrDefault(j => j.Conclusion == "timed_out");
        return failed is null ? (null, CiLogFetch.NoFailedJob(all.Count, null)) : (failed, null);
    }

    /// <summary>
    /// Turns what Octokit and HttpClient throw into an outcome; null for what is not a remote failure.
    /// </summary>
    internal static CiLogFetch? Map(Exception exception, CiFetchOutcome notFound, CancellationToken cancellationToken)
    {
        if (FindInChain<LogTooLargeException>(exception) is { } tooLarge)
            return Fail(CiFetchOutcome.LogTooLarge, LimitDetail(tooLarge.AnnouncedBytes, tooLarge.LimitBytes));
        if (FindInChain<NotJsonAnswerException>(exception) is { } notJson)
            return Fail(CiFetchOutcome.Garbage, NotJsonDetail(notJson));

        return exception switch
        {
            SecondaryRateLimitExceededException => Fail(CiFetchOutcome.RateLimited, "secondary rate limit"),
            RateLimitExceededException limit => Fail(CiFetchOutcome.RateLimited, ResetDetail(limit)),
            ApiException { StatusCode: HttpStatusCode.TooManyRequests } => Fail(CiFetchOutcome.RateLimited, "HTTP 429"),
            NotFoundException => Fail(notFound, "HTTP 404"),
            AuthorizationException => Fail(CiFetchOutcome.Unauthorized, "HTTP 401"),
            ForbiddenException => Fail(CiFetchOutcome.Unauthorized, "HTTP 403"),
            ApiException api => Fail(CiFetchOutcome.Unreachable, $"HTTP {(int)api.StatusCode}"),
            HttpRequestException http => Fail(CiFetchOutcome.Unreachable, $"no answer ({http.HttpRequestError})"),
            OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                Fail(CiFetchOutcome.Unreachable, "timed out"),
            InvalidOperationException when exception.Message.Contains("redirect", StringComparison.OrdinalIgnoreCase) =>
                Fail(CiFetchOutcome.Unreachable, "too many redirects"),
            _ => null,
        };
    }

    private static CiLogFetch Fail(CiFetchOutcome outcome, string detail) => CiLogFetch.Failed(outcome, detail);

    private static string NotJsonDetail(NotJsonAnswerException notJson) => notJson.Status == 0
        ? "the answer has no jobs list"
        : $"HTTP {notJson.Status} with {notJson.MediaType ?? "no Content-Type"} instead of JSON";

    private static string ResetDetail(RateLimitExceededException limit) =>
        $"limit {limit.Limit}, resets at {limit.Reset.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";

    private CiLogFetch Report(RunLink link, CiLogFetch failure)
    {
        GitHubLog.FetchFailed(_logger, link.Owner, link.Repository, link.RunId, failure.Outcome, failure.Detail ?? "");
        return failure;
    }

    private string LimitDetail(long bytes) => LimitDetail(bytes, _maxLogBytes);

    private static string LimitDetail(long? bytes, long limit) =>
        bytes is long n ? $"{n} bytes, over the limit of {limit}" : $"more than the limit of {limit} bytes";

    private static T? FindInChain<T>(Exception exception) where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
                return found;
        }

        return null;
    }
}

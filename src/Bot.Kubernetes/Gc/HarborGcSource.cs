using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core.Investigations;
using Bot.Kubernetes.Api;
using Microsoft.Extensions.Options;

namespace Bot.Kubernetes.Gc;

/// <summary>
/// Harbor's GC history (<c>GET /api/v2.0/system/gc</c>) and, for failed runs, the job log
/// (<c>GET /api/v2.0/system/gc/{id}/log</c>) that says why.
/// </summary>
public sealed class HarborGcSource(HttpClient http, IOptions<ClusterOptions> options) : IGcSource
{
    /// <summary>Job logs are read for at most this many failed runs; the diagnosis needs the latest.</summary>
    private const int MaxLogsRead = 2;
    private const int MaxLogBytes = 1024 * 1024;

    private readonly GcOptions _gc = options.Value.Gc;

    public string Name => "harbor";

    private string HistoryQuery => $"api/v2.0/system/gc?page=1&page_size={_gc.MaxRuns}&sort=-creation_time";

    public string Describe() => $"GET {Root(_gc.Harbor.BaseUrl)}{HistoryQuery}";

    public async Task<GcHistory> ReadAsync(CancellationToken cancellationToken)
    {
        var baseUrl = Root(_gc.Harbor.BaseUrl)
            ?? throw Problem(ClusterProblemKinds.NoConfig, "Cluster:Gc:Harbor:BaseUrl is empty");

        var list = await GetAsync(new Uri(baseUrl, HistoryQuery), cancellationToken);
        var history = JsonSerializer.Deserialize<List<HarborGcJob>>(list) ?? [];

        var runs = new List<GcRun>();
        var logsRead = 0;
        foreach (var job in history.OrderByDescending(j => j.CreationTime))
        {
            var verdict = VerdictOf(job);
            if (verdict is null && logsRead++ < MaxLogsRead)
                verdict = await VerdictFromLogAsync(baseUrl, job, cancellationToken);

            verdict ??= new GcVerdict(
                GcOutcomes.FailedOther, $"job_status {job.Status}", job.CreationTime, job.UpdateTime);
            runs.Add(new GcRun($"harbor gc {job.Id}", job.CreationTime, verdict));
        }

        return new GcHistory(runs);
    }

    /// <summary>
    /// A base URL behind a path (<c>https://host/harbor</c>) keeps its path only with a trailing
    /// slash: relative URIs replace the last segment otherwise.
    /// </summary>
    private static Uri? Root(Uri? baseUrl) =>
        baseUrl is null || baseUrl.AbsolutePath.EndsWith('/')
            ? baseUrl
            : new UriBuilder(baseUrl) { Path = baseUrl.AbsolutePath + "/" }.Uri;

    /// <summary>
    /// The status alone settles success and runs in flight; a failure needs its log for the reason.
    /// A dry run (<c>dry_run</c> in its parameters) that did not fail deleted nothing: never a success.
    /// </summary>
    private static GcVerdict? VerdictOf(HarborGcJob job) => job.Status switch
    {
        "Success" or "Running" or "Pending" or "Scheduled" when job.IsDryRun => new GcVerdict(
            GcOutcomes.DryRun, "dry_run in job_parameters", job.CreationTime, job.UpdateTime),
        "Success" => new GcVerdict(GcOutcomes.Succeeded, null, job.CreationTime, job.UpdateTime),
        "Running" or "Pending" or "Scheduled" => new GcVerdict(GcOutcomes.InProgress, null, job.CreationTime, null),
        "Stopped" => new GcVerdict(
            GcOutcomes.FailedOther, "stopped before it finished", job.CreationTime, job.UpdateTime),
        _ => null,
    };

    private async Task<GcVerdict> VerdictFromLogAsync(Uri baseUrl, HarborGcJob job, CancellationToken cancellationToken)
    {
        string log;
        try
        {
            log = await GetAsync(new Uri(baseUrl, $"api/v2.0/system/gc/{job.Id}/log"), cancellationToken);
        }
        catch (ClusterCallException ex) when (ex.Problem.Kind == ClusterProblemKinds.NotFound)
        {
            // Harbor loses the job log when its log volume is full (#18459, #17536).
            return new GcVerdict(
                GcOutcomes.FailedOther, "job_status Error; its job log is missing", job.CreationTime, job.UpdateTime);
        }

        var verdict = GcLogClassifier.Classify(log.Split('\n'));
        return GcOutcomes.IsFailure(verdict.Outcome)
            ? verdict with { StartedAt = verdict.StartedAt ?? job.CreationTime }
            : new GcVerdict(GcOutcomes.FailedOther, $"job_status {job.Status}", job.CreationTime, job.UpdateTime);
    }

    private async Task<string> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (!string.IsNullOrEmpty(_gc.Harbor.Username))
        {
            var pair = Encoding.UTF8.GetBytes($"{_gc.Harbor.Username}:{_gc.Harbor.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_gc.Harbor.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            throw Problem(ClusterProblemKinds.Unreachable, ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Problem(ClusterProblemKinds.TimedOut, "no answer in time", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var kind = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => ClusterProblemKinds.Unauthorized,
                    HttpStatusCode.Forbidden => ClusterProblemKinds.Forbidden,
                    HttpStatusCode.NotFound => ClusterProblemKinds.NotFound,
                    _ => ClusterProblemKinds.Failed,
                };
                throw Problem(kind, "HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var text = new BoundedText(MaxLogBytes);
            await text.FillAsync(body, timeout.Token);
            return text.ToString();
        }
    }

    private static ClusterCallException Problem(string kind, string detail, Exception? inner = null) =>
        new(new ClusterProblem(kind, "get", "harbor gc", null, detail), inner);

    /// <summary>One row of Harbor's GC history; <c>job_parameters</c> is a JSON object held in a string.</summary>
    private sealed record HarborGcJob(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("job_status")] string? Status,
        [property: JsonPropertyName("job_parameters")] string? Parameters,
        [property: JsonPropertyName("creation_time")] DateTimeOffset? CreationTime,
        [property: JsonPropertyName("update_time")] DateTimeOffset? UpdateTime)
    {
        public bool IsDryRun
        {
            get
            {
                if (string.IsNullOrWhiteSpace(Parameters))
                    return false;

                try
                {
                    using var parameters = JsonDocument.Parse(Parameters);
                    return parameters.RootElement.ValueKind == JsonValueKind.Object
                        && parameters.RootElement.TryGetProperty("dry_run", out var dryRun)
                        && dryRun.ValueKind == JsonValueKind.True;
                }
                catch (JsonException)
                {
                    // Unreadable parameters say nothing about a dry run; the status decides.
                    return false;
                }
            }
        }
    }
}

using System.Net;
using System.Text;
using Bot.Core.Investigations;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Tests.Lab;
using Bot.Lab.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Bot.Kubernetes.Tests.Cluster;

public sealed class GcStepTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_NoSourceConfigured_IsSkippedAsNotConfigured()
    {
        var step = new GcStep(null, NullLogger<GcStep>.Instance);

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(StepStatus.Skipped, result.Status);
        Assert.Equal(GcFindings.NotConfigured, result.Finding.Code);
        Assert.Equal(GcOutcomes.NotConfigured, result.Clues.GcOutcome);
    }

    [Fact]
    public async Task Run_CronJobWithoutPods_NeverRan()
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario, o => ClusterWalk.UseCronJobGc(o, "registry-gc"));

        var result = await lab.GcStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(StepStatus.ProblemFound, result.Status);
        Assert.Equal(GcFindings.NeverRan, result.Finding.Code);
        Assert.Equal(GcOutcomes.NeverRan, result.Clues.GcOutcome);
    }

    [Fact]
    public async Task Run_JobserviceLogWithSeveralRuns_LatestFailureAndLastSuccess()
    {
        const string log = """
            2026-11-29T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:154]: start to run gc in job.
            2026-11-29T02:00:30Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:174]: success to run gc in job.
            2026-11-30T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:154]: start to run gc in job.
            2026-11-30T02:00:05Z [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:140]: failed to start gc as registry controller is unreachable: dial tcp 10.0.0.7:8080: connect: connection refused
            2026-12-01T02:00:00Z [INFO] [/jobservice/job/impl/gc/garbage_collection.go:154]: start to run gc in job.
            2026-12-01T02:00:05Z [ERROR] [/jobservice/job/impl/gc/garbage_collection.go:140]: failed to start gc as registry controller is unreachable: dial tcp 10.0.0.7:8080: connect: connection refused
            """;
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario with
            {
                GcPods =
                [
                    new GcPodScenario
                    {
                        Name = "harbor-jobservice-5d9c8", Phase = "Running", StartedAt = Day.AddDays(-10), Log = log,
                    },
                ],
            },
            o =>
            {
                o.Gc.Source = GcSourceKind.PodLogs;
                o.Gc.PodLogs.Pod = "harbor-jobservice-5d9c8";
            });

        var result = await lab.GcStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(GcFindings.Failing, result.Finding.Code);
        Assert.Equal(GcOutcomes.RegistryUnreachable, result.Clues.GcOutcome);
        Assert.Equal(2, result.Clues.GcFailedRunsSinceSuccess);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero), result.Clues.GcLastSuccessAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), result.Clues.GcLastRunAt);
        Assert.StartsWith("failed to start gc as registry controller is unreachable", result.Clues.GcFailureDetail);
    }

    /// <summary>
    /// SYNTHETIC: the incident write-up's GC lines, which are not Harbor's; they must still read as no space.
    /// </summary>
    [Fact]
    public async Task Run_SyntheticIncidentGcLog_IsAFailureForLackOfSpace()
    {
        const string synthetic = """
            2026-03-16T02:00:00Z [INFO] Starting garbage collection
            2026-03-16T02:00:45Z [ERROR] GC failed: filesystem is almost full, refusing to operate
            2026-03-16T02:00:45Z [INFO] GC completed with errors
            """;
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario with
            {
                GcPods = [ClusterWalk.GcPod("registry-gc-29402880", Day, "Failed", synthetic)],
            },
            o => ClusterWalk.UseCronJobGc(o, "registry-gc"));

        var result = await lab.GcStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(GcFindings.Failing, result.Finding.Code);
        Assert.Equal(GcOutcomes.FailedNoSpace, result.Clues.GcOutcome);
        Assert.Equal("GC failed: filesystem is almost full, refusing to operate", result.Clues.GcFailureDetail);
        Assert.Null(result.Clues.GcLastSuccessAt);
    }

    [Fact]
    public async Task Run_JobPodsOfDistributionGc_Succeeded()
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario with
            {
                GcPods =
                [
                    ClusterWalk.GcPod(
                        "registry-gc-manual",
                        Day,
                        "Succeeded",
                        ClusterWalk.FixtureText("lab-registry-2.8.2/out-10-gc.txt")),
                ],
            },
            o =>
            {
                o.Gc.Source = GcSourceKind.PodLogs;
                o.Gc.PodLogs.Job = "registry-gc-manual";
            });

        var result = await lab.GcStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(GcFindings.Succeeded, result.Finding.Code);
        Assert.Equal(GcOutcomes.Succeeded, result.Clues.GcOutcome);
    }

    /// <summary>
    /// A dry run counts as one only when it ran: a GC pod that failed is a failed run, whatever it estimated.
    /// </summary>
    [Theory]
    [InlineData("Succeeded", GcOutcomes.DryRun)]
    [InlineData("Failed", GcOutcomes.FailedOther)]
    public async Task Run_DryRunPod_PhaseDecidesWhetherItRan(string phase, string outcome)
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario with
            {
                GcPods =
                [
                    ClusterWalk.GcPod(
                        "registry-gc-29402880",
                        Day,
                        phase,
                        ClusterWalk.FixtureText("harbor-gc-16482-dryrun-estimate.log")),
                ],
            },
            o => ClusterWalk.UseCronJobGc(o, "registry-gc"));

        var result = await lab.GcStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(outcome, result.Clues.GcOutcome);
        Assert.Null(result.Clues.GcLastSuccessAt);
    }

    [Fact]
    public async Task Run_GcPodLogsForbidden_FindingNamesPodsLogGet()
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario with
            {
                Forbidden = [new ForbiddenRule { Verb = "get", Resource = "pods/log" }],
                GcPods = [ClusterWalk.GcPod("registry-gc-29402880", Day, "Failed", "x")],
            },
            o => ClusterWalk.UseCronJobGc(o, "registry-gc"));

        var result = await lab.GcStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(GcFindings.Forbidden, result.Finding.Code);
        Assert.Equal("get", result.Finding.Facts["verb"]);
        Assert.Equal("pods/log", result.Finding.Facts["resource"]);
    }

    [Fact]
    public async Task Run_HarborHistoryWithFailedRun_ReadsItsLogForTheReason()
    {
        var harbor = new StubHarbor
        {
            ["/api/v2.0/system/gc"] = (HttpStatusCode.OK, """
                [
                  {"id": 12, "job_status": "Error",
                   "creation_time": "2026-12-01T02:00:00Z", "update_time": "2026-12-01T02:00:16Z"},
                  {"id": 11, "job_status": "Error",
                   "creation_time": "2026-11-30T02:00:00Z", "update_time": "2026-11-30T02:00:16Z"},
                  {"id": 10, "job_status": "Success",
                   "creation_time": "2026-11-29T02:00:00Z", "update_time": "2026-11-29T02:01:00Z"}
                ]
                """),
            ["/api/v2.0/system/gc/12/log"] =
                (HttpStatusCode.OK, ClusterWalk.FixtureText("harbor-gc-15039-sweep-failed-500.log")),
            ["/api/v2.0/system/gc/11/log"] =
                (HttpStatusCode.NotFound, """{"errors":[{"code":"NOT_FOUND","message":"log not found"}]}"""),
        };
        var step = HarborStep(harbor);

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(GcFindings.Failing, result.Finding.Code);
        Assert.Equal(GcOutcomes.FailedSweep, result.Clues.GcOutcome);
        Assert.Equal(2, result.Clues.GcFailedRunsSinceSuccess);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero), result.Clues.GcLastSuccessAt);
        Assert.Contains("job log is missing", result.Evidence[0].Answer);
        Assert.Equal("Basic", harbor.LastAuthorization?.Scheme);
    }

    [Fact]
    public async Task Run_HarborRefusesCredentials_FindingSaysUnauthorized()
    {
        var step = HarborStep(new StubHarbor { ["/api/v2.0/system/gc"] = (HttpStatusCode.Unauthorized, "{}") });

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(GcFindings.Unauthorized, result.Finding.Code);
        Assert.Equal("harbor", result.Finding.Facts["source"]);
    }

    [Fact]
    public async Task Run_HarborEmptyHistory_NeverRan()
    {
        var step = HarborStep(new StubHarbor { ["/api/v2.0/system/gc"] = (HttpStatusCode.OK, "[]") });

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(GcFindings.NeverRan, result.Finding.Code);
    }

    [Fact]
    public async Task Run_HarborHistoryOfDryRunsOnly_GcHasNotReallyRun()
    {
        var step = HarborStep(new StubHarbor
        {
            ["/api/v2.0/system/gc"] = (HttpStatusCode.OK, """
                [
                  {"id": 12, "job_status": "Success",
                   "job_parameters": "{\"delete_untagged\":true,\"dry_run\":true,\"workers\":1}",
                   "creation_time": "2026-12-01T02:00:00Z", "update_time": "2026-12-01T02:00:16Z"},
                  {"id": 11, "job_status": "Success", "job_parameters": "{\"dry_run\":true}",
                   "creation_time": "2026-11-30T02:00:00Z", "update_time": "2026-11-30T02:00:16Z"}
                ]
                """),
        });

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(StepStatus.ProblemFound, result.Status);
        Assert.Equal(GcFindings.OnlyDryRuns, result.Finding.Code);
        Assert.Equal(GcOutcomes.DryRun, result.Clues.GcOutcome);
        Assert.Null(result.Clues.GcLastSuccessAt);
        Assert.Equal(0, result.Clues.GcFailedRunsSinceSuccess);
    }

    [Fact]
    public async Task Run_HarborDryRunAfterARealRun_TheRealRunIsTheLastSuccess()
    {
        var step = HarborStep(new StubHarbor
        {
            ["/api/v2.0/system/gc"] = (HttpStatusCode.OK, """
                [
                  {"id": 12, "job_status": "Success", "job_parameters": "{\"dry_run\":true}",
                   "creation_time": "2026-12-01T02:00:00Z"},
                  {"id": 11, "job_status": "Success", "job_parameters": "{\"dry_run\":false}",
                   "creation_time": "2026-11-30T02:00:00Z"},
                  {"id": 10, "job_status": "Success", "job_parameters": "not json",
                   "creation_time": "2026-11-29T02:00:00Z"}
                ]
                """),
        });

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(GcFindings.Succeeded, result.Finding.Code);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), result.Clues.GcLastSuccessAt);
        Assert.Contains("harbor gc 12: dry-run", result.Evidence[0].Answer);
    }

    [Theory]
    [InlineData("Running", GcOutcomes.InProgress, GcFindings.InProgress)]
    [InlineData("Scheduled", GcOutcomes.InProgress, GcFindings.InProgress)]
    [InlineData("Pending", GcOutcomes.InProgress, GcFindings.InProgress)]
    [InlineData("Stopped", GcOutcomes.FailedOther, GcFindings.Failing)]
    public async Task Run_HarborLatestRunStatus_GivesItsOutcome(string status, string outcome, string finding)
    {
        var step = HarborStep(new StubHarbor
        {
            ["/api/v2.0/system/gc"] = (HttpStatusCode.OK, $$"""
                [ {"id": 12, "job_status": "{{status}}", "creation_time": "2026-12-01T02:00:00Z"} ]
                """),
        });

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(finding, result.Finding.Code);
        Assert.Equal(outcome, result.Clues.GcOutcome);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), result.Clues.GcLastRunAt);
    }

    [Fact]
    public async Task Run_HarborStillRunningAfterAFailure_TheFailureIsTheLastOutcome()
    {
        var harbor = new StubHarbor
        {
            ["/api/v2.0/system/gc"] = (HttpStatusCode.OK, """
                [
                  {"id": 12, "job_status": "Running", "creation_time": "2026-12-01T02:00:00Z"},
                  {"id": 11, "job_status": "Stopped", "creation_time": "2026-11-30T02:00:00Z"}
                ]
                """),
        };

        var result = await HarborStep(harbor).RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(GcOutcomes.FailedOther, result.Clues.GcOutcome);
        Assert.Equal("stopped before it finished", result.Clues.GcFailureDetail);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), result.Clues.GcLastRunAt);
    }

    [Theory]
    [InlineData("http://harbor.test/harbor")]
    [InlineData("http://harbor.test/harbor/")]
    public async Task Run_HarborBehindAPath_KeepsThePath(string baseUrl)
    {
        var harbor = new StubHarbor
        {
            ["/harbor/api/v2.0/system/gc"] =
                (HttpStatusCode.OK,
                    """[ {"id": 12, "job_status": "Success", "creation_time": "2026-12-01T02:00:00Z"} ]"""),
        };
        var step = HarborStep(harbor, new Uri(baseUrl));

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(GcFindings.Succeeded, result.Finding.Code);
        Assert.StartsWith("GET http://harbor.test/harbor/api/v2.0/system/gc?", result.Evidence[0].Request);
    }

    [Fact]
    public async Task Run_HarborDoesNotAnswerInTime_FindingSaysTimedOut()
    {
        var harbor = new StubHarbor { Silent = true };
        var step = HarborStep(harbor, timeout: TimeSpan.FromMilliseconds(200));

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(GcFindings.TimedOut, result.Finding.Code);
        Assert.Equal("harbor", result.Finding.Facts["source"]);
    }

    private static GcStep HarborStep(StubHarbor harbor, Uri? baseUrl = null, TimeSpan? timeout = null)
    {
        var options = new ClusterOptions();
        options.Gc.Source = GcSourceKind.Harbor;
        options.Gc.Harbor.BaseUrl = baseUrl ?? new Uri("http://harbor.test/");
        options.Gc.Harbor.Timeout = timeout ?? options.Gc.Harbor.Timeout;
        options.Gc.Harbor.Username = "admin";
        options.Gc.Harbor.Password = "not-logged";
        var http = new HttpClient(harbor);
        return new GcStep(new HarborGcSource(http, MsOptions.Create(options)), NullLogger<GcStep>.Instance);
    }

    /// <summary>Harbor's GC endpoints as canned answers keyed by path; a test-only stand-in.</summary>
    private sealed class StubHarbor : HttpMessageHandler
    {
        private readonly Dictionary<string, (HttpStatusCode, string)> _answers = [];

        public System.Net.Http.Headers.AuthenticationHeaderValue? LastAuthorization { get; private set; }

        /// <summary>Never answers: the request waits until the caller gives up.</summary>
        public bool Silent { get; init; }

        public (HttpStatusCode Status, string Body) this[string path]
        {
            set => _answers[path] = value;
        }

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastAuthorization = request.Headers.Authorization;
            if (Silent)
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);

            var (status, body) = _answers.TryGetValue(request.RequestUri!.AbsolutePath, out var answer)
                ? answer
                : (HttpStatusCode.NotFound, "{}");
            return new HttpResponseMessage(status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
        }
    }
}

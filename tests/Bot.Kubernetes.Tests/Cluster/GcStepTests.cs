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
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario, o => ClusterWalk.UseCronJobGc(o, "registry-gc"));

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
                GcPods = [new GcPodScenario { Name = "harbor-jobservice-5d9c8", Phase = "Running", StartedAt = Day.AddDays(-10), Log = log }],
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

    /// <summary>SYNTHETIC: the incident write-up's GC lines, which are not Harbor's; they must still read as no space.</summary>
    [Fact]
    public async Task Run_SyntheticIncidentGcLog_IsAFailureForLackOfSpace()
    {
        const string synthetic = """
            2026-03-16T02:00:00Z [INFO] Starting garbage collection
            2026-03-16T02:00:45Z [ERROR] GC failed: filesystem is almost full, refusing to operate
            2026-03-16T02:00:45Z [INFO] GC completed with errors
            """;
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario with { GcPods = [ClusterWalk.GcPod("registry-gc-29402880", Day, "Failed", synthetic)] },
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
                GcPods = [ClusterWalk.GcPod("registry-gc-manual", Day, "Succeeded", ClusterWalk.FixtureText("lab-registry-2.8.2/out-10-gc.txt"))],
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
                  {"id": 12, "job_status": "Error", "creation_time": "2026-12-01T02:00:00Z", "update_time": "2026-12-01T02:00:16Z"},
                  {"id": 11, "job_status": "Error", "creation_time": "2026-11-30T02:00:00Z", "update_time": "2026-11-30T02:00:16Z"},
                  {"id": 10, "job_status": "Success", "creation_time": "2026-11-29T02:00:00Z", "update_time": "2026-11-29T02:01:00Z"}
                ]
                """),
            ["/api/v2.0/system/gc/12/log"] = (HttpStatusCode.OK, ClusterWalk.FixtureText("harbor-gc-15039-sweep-failed-500.log")),
            ["/api/v2.0/system/gc/11/log"] = (HttpStatusCode.NotFound, """{"errors":[{"code":"NOT_FOUND","message":"log not found"}]}"""),
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

    private static GcStep HarborStep(StubHarbor harbor)
    {
        var options = new ClusterOptions();
        options.Gc.Source = GcSourceKind.Harbor;
        options.Gc.Harbor.BaseUrl = new Uri("http://harbor.test/");
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

        public (HttpStatusCode Status, string Body) this[string path]
        {
            set => _answers[path] = value;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastAuthorization = request.Headers.Authorization;
            var (status, body) = _answers.TryGetValue(request.RequestUri!.AbsolutePath, out var answer)
                ? answer
                : (HttpStatusCode.NotFound, "{}");
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}

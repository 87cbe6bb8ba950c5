using Bot.Core.Investigations;
using Bot.GitHub.Logs;
using Bot.GitHub.Step;
using Bot.GitHub.Tests.Support;
using Bot.Lab.GitHub;

namespace Bot.GitHub.Tests.Step;

/// <summary>The step end to end: Octokit against the lab's GitHub stand-in over real HTTP.</summary>
public sealed class CiLogStepEndToEndTests
{
    private const string SeedBlob = "sha256:1644be5c932c44d1ac6c338834927a2d40d1922935726cdc5922baca8df32810";

    private static readonly string SeedLog =
        File.ReadAllText(TestFiles.SyntheticLog("synthetic-seed-incident-blob-not-found.log"));
    private static readonly string CompileLog = File.ReadAllText(TestFiles.SyntheticLog("synthetic-compile-error.log"));

    [Fact]
    public async Task Run_RunWithAFailedCacheJob_ClassifiesItsLogAndHandsOnTheRef()
    {
        var run = new LabRun(
            "acme", "app", 101, [Job(1, "lint", "success", "ok"), Job(42, "build", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run]);

        var result = await lab.RunAsync(lab.StandIn.RunLink(run).ToString());

        Assert.Equal(StepStatus.ProblemFound, result.Status);
        Assert.Equal("ci-log.cache-blob-not-found", result.Finding.Code);
        Assert.Equal("build", result.Finding.Fact("job"));
        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.Clues.CiErrorClass);
        Assert.True(result.Clues.CiRunFailed);
        Assert.True(result.Clues.CiFailureInvolvesRegistry);
        Assert.Equal("registry.internal:5000/app:cache", result.Clues.ImageRef);
        Assert.Equal(SeedBlob, result.Clues.DigestFromLog);
    }

    [Fact]
    public async Task Run_FailedJob_RecordsShortEvidenceForBothRequests()
    {
        var run = new LabRun("acme", "app", 1, [Job(42, "build", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run]);

        var result = await lab.RunAsync(lab.StandIn.RunLink(run).ToString());

        Assert.Equal(2, result.Evidence.Count);
        Assert.Equal("GET /repos/acme/app/actions/runs/1/jobs", result.Evidence[0].Request);
        Assert.Equal("job 42 \"build\" failed", result.Evidence[0].Answer);
        Assert.Equal("GET /repos/acme/app/actions/jobs/42/logs", result.Evidence[1].Request);
        Assert.StartsWith("#9 ERROR: failed to compute cache key", result.Evidence[1].Answer, StringComparison.Ordinal);
        Assert.True(result.Evidence[1].Answer.Length < 1000);
    }

    [Fact]
    public async Task Run_FailedJob_ListsLatestAttemptAndFollowsTheLogRedirectOnce()
    {
        var run = new LabRun("acme", "app", 7, [Job(42, "build", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run]);

        await lab.RunAsync(lab.StandIn.RunLink(run).ToString());

        var requests = lab.StandIn.Requests;
        Assert.Contains("GET /api/v3/repos/acme/app/actions/runs/7/jobs?filter=latest", requests);
        Assert.Contains("GET /api/v3/repos/acme/app/actions/jobs/42/logs", requests);
        Assert.Single(requests, r => r.StartsWith("GET /storage/logs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CompileErrorJob_IsUnrelatedAndSetsNoRef()
    {
        var run = new LabRun("acme", "app", 3, [Job(5, "test", "failure", CompileLog)]);
        await using var lab = await StandInHarness.StartAsync([run]);

        var result = await lab.RunAsync(lab.StandIn.RunLink(run).ToString());

        Assert.Equal("ci-log.unrelated", result.Finding.Code);
        Assert.False(result.Clues.CiFailureInvolvesRegistry);
        Assert.Null(result.Clues.ImageRef);
    }

    [Fact]
    public async Task Run_LinkNamingAJob_ReadsThatJob()
    {
        var run = new LabRun(
            "acme", "app", 3, [Job(5, "test", "failure", CompileLog), Job(6, "image", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run]);

        var result = await lab.RunAsync($"{lab.StandIn.RunLink(run)}/job/6");

        Assert.Equal("ci-log.cache-blob-not-found", result.Finding.Code);
        Assert.Contains("GET /api/v3/repos/acme/app/actions/runs/3/jobs?filter=all", lab.StandIn.Requests);
    }

    [Fact]
    public async Task Run_UnknownRun_CouldNotCheckRunNotFound()
    {
        var run = new LabRun("acme", "app", 3, [Job(5, "build", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run]);

        var result = await lab.RunAsync(new Uri(lab.StandIn.WebBaseUri, "acme/app/actions/runs/999").ToString());

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal("ci-log.run-not-found", result.Finding.Code);
        Assert.Equal("HTTP 404", result.Finding.Fact("reason"));
        Assert.Null(result.Clues.CiErrorClass);
    }

    [Fact]
    public async Task Run_LinkedJobNotInTheRun_CouldNotCheckJobNotFound()
    {
        var run = new LabRun("acme", "app", 3, [Job(5, "build", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run]);

        var result = await lab.RunAsync($"{lab.StandIn.RunLink(run)}/job/77");

        Assert.Equal("ci-log.job-not-found", result.Finding.Code);
        Assert.Equal("77", result.Finding.Fact("jobId"));
    }

    [Fact]
    public async Task Run_RunWithoutAFailedJob_IsFine()
    {
        var run = new LabRun("acme", "app", 4, [Job(1, "build", "success", "all good"), Job(2, "test", "skipped", "")]);
        await using var lab = await StandInHarness.StartAsync([run]);

        var result = await lab.RunAsync(lab.StandIn.RunLink(run).ToString());

        Assert.Equal(StepStatus.Fine, result.Status);
        Assert.Equal(CiLogFindings.NoFailedJob, result.Finding.Code);
        Assert.Equal("2 jobs, none failed", result.Evidence[0].Answer);
        Assert.DoesNotContain(lab.StandIn.Requests, r => r.EndsWith("/logs", StringComparison.Ordinal));
        Assert.False(result.Clues.CiRunFailed);
    }

    [Fact]
    public async Task Run_LogOverTheLimit_CouldNotCheckLogTooLarge()
    {
        var noise = Enumerable.Repeat("2024-01-01T00:00:00.0000000Z noise noise noise noise\n", 4000);
        var bigLog = string.Concat(noise) + SeedLog;
        var run = new LabRun("acme", "app", 5, [Job(9, "build", "failure", bigLog)]);
        await using var lab = await StandInHarness.StartAsync([run], maxLogBytes: 64 * 1024);

        var result = await lab.RunAsync(lab.StandIn.RunLink(run).ToString());

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(CiLogFindings.LogTooLarge, result.Finding.Code);
        Assert.Contains("limit of 65536", result.Finding.Fact("reason"), StringComparison.Ordinal);
        Assert.Equal("build", result.Finding.Fact("job"));
        Assert.Equal("GET /repos/acme/app/actions/jobs/9/logs", result.Evidence[1].Request);
        Assert.Equal(result.Finding.Fact("reason"), result.Evidence[1].Answer);
    }

    [Fact]
    public async Task Run_TokenRequiredAndGiven_ReadsTheLogWithoutSendingTheTokenToStorage()
    {
        var run = new LabRun("acme", "app", 6, [Job(9, "build", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run], serverToken: "s3cret", clientToken: "s3cret");

        var result = await lab.RunAsync(lab.StandIn.RunLink(run).ToString());

        // The stand-in's storage answers 400 to a request carrying a token, so success proves it was dropped.
        Assert.Equal("ci-log.cache-blob-not-found", result.Finding.Code);
    }

    [Fact]
    public async Task Run_TokenRequiredButWrong_CouldNotCheckUnauthorized()
    {
        var run = new LabRun("acme", "app", 6, [Job(9, "build", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run], serverToken: "s3cret", clientToken: "wrong");

        var result = await lab.RunAsync(lab.StandIn.RunLink(run).ToString());

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(CiLogFindings.Unauthorized, result.Finding.Code);
        Assert.DoesNotContain("wrong", string.Join(' ', result.Finding.Facts.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TargetAlreadyNamedARef_KeepsIt()
    {
        var run = new LabRun("acme", "app", 8, [Job(9, "build", "failure", SeedLog)]);
        await using var lab = await StandInHarness.StartAsync([run]);

        var given = new Clues { ImageRef = "other.example/x:y" };

        var result = await lab.RunAsync(lab.StandIn.RunLink(run).ToString(), given);

        Assert.Equal("other.example/x:y", result.Clues.ImageRef);
    }

    private static LabJob Job(long id, string name, string conclusion, string log) => new(id, name, conclusion, log);
}

using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.GitHub.Api;
using Bot.GitHub.Links;
using Bot.GitHub.Logs;
using Bot.GitHub.Step;
using Bot.Lab.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.GitHub.Tests.Step;

public sealed class CiLogStepTests
{
    private static readonly RunLink Link =
        new(new Uri("https://github.com/acme/app/actions/runs/1"), "acme", "app", 1, null);
    private static readonly CiJob Build = new(42, "build", "failure");

    [Fact]
    public async Task Run_NoRunLink_IsSkipped()
    {
        var step = Step(new FakeSource(CiLogFetch.NoFailedJob(0, null)));

        var result = await step.RunAsync(new Clues { ImageRef = "reg.example/app:cache" }, CancellationToken.None);

        Assert.Equal(StepStatus.Skipped, result.Status);
        Assert.Equal(CiLogFindings.NoRunLink, result.Finding.Code);
    }

    [Fact]
    public async Task Run_LinkOutsideTheAllowlist_IsNotFetched()
    {
        var source = new FakeSource(CiLogFetch.NoFailedJob(0, null));
        var step = Step(source, allowed: "acme/other");

        var result = await step.RunAsync(new Clues { RunLink = Link }, CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(CiLogFindings.NotAllowed, result.Finding.Code);
        Assert.Equal(0, source.Calls);
    }

    [Theory]
    [InlineData(CiFetchOutcome.RateLimited, "ci-log.rate-limited")]
    [InlineData(CiFetchOutcome.Unauthorized, "ci-log.unauthorized")]
    [InlineData(CiFetchOutcome.Unreachable, "ci-log.unreachable")]
    [InlineData(CiFetchOutcome.RunNotFound, "ci-log.run-not-found")]
    [InlineData(CiFetchOutcome.JobNotFound, "ci-log.job-not-found")]
    [InlineData(CiFetchOutcome.LogTooLarge, "ci-log.log-too-large")]
    [InlineData(CiFetchOutcome.Garbage, "ci-log.garbage")]
    public async Task Run_FetchFailed_CouldNotCheckWithTheReason(CiFetchOutcome outcome, string code)
    {
        var step = Step(new FakeSource(CiLogFetch.Failed(outcome, "because")));

        var result = await step.RunAsync(new Clues { RunLink = Link }, CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(code, result.Finding.Code);
        Assert.Equal("because", result.Finding.Fact("reason"));
        Assert.Equal("because", result.Evidence[0].Answer);
    }

    [Fact]
    public async Task Run_BlobUrlWithoutTag_LeavesImageRefUnset()
    {
        var log = "ERROR: failed to compute cache key: failed to copy: httpReadSeeker: failed open: content at " +
            "http://reg.example:5000/v2/app/blobs/sha256:" + new string('a', 64) + " not found: not found";
        var step = Step(new FakeSource(CiLogFetch.Fetched(Build, 1, log)));

        var result = await step.RunAsync(new Clues { RunLink = Link }, CancellationToken.None);

        Assert.Equal("reg.example:5000/app", result.Finding.Fact("ref"));
        Assert.Null(result.Clues.ImageRef);
        Assert.Equal("sha256:" + new string('a', 64), result.Clues.DigestFromLog);
    }

    [Fact]
    public async Task Run_LogNamingNoFailure_IsAProblemWithUnknownRegistryInvolvement()
    {
        var step = Step(new FakeSource(CiLogFetch.Fetched(Build, 1, "all quiet\n")));

        var result = await step.RunAsync(new Clues { RunLink = Link }, CancellationToken.None);

        Assert.Equal(StepStatus.ProblemFound, result.Status);
        Assert.Equal("ci-log.no-failure-found", result.Finding.Code);
        Assert.Null(result.Clues.CiFailureInvolvesRegistry);
        Assert.Equal("1 lines, none that says what failed", result.Evidence[1].Answer);
    }

    [Fact]
    public async Task Run_GitHubNotListening_CouldNotCheckUnreachable()
    {
        var port = FreePort.Next();
        var options = Options.Create(new GitHubOptions
        {
            ApiBaseUrl = $"http://127.0.0.1:{port}/api/v3/",
            RequestTimeout = TimeSpan.FromSeconds(10),
        });
        using var source = new CiLogSource(options, TimeProvider.System, NullLogger<CiLogSource>.Instance);
        var step = new CiLogStep(
            source,
            new CiLogClassifier(),
            new RunLinkParser(options),
            TimeProvider.System,
            NullLogger<CiLogStep>.Instance);

        var result = await step.RunAsync(new Clues { RunLink = Link }, CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(CiLogFindings.Unreachable, result.Finding.Code);
        Assert.StartsWith("no answer", result.Finding.Fact("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public void FindingCodes_CoverEveryErrorClass()
    {
        var step = Step(new FakeSource(CiLogFetch.NoFailedJob(0, null)));

        var codes = step.FindingCodes;

        Assert.All(CiErrorClasses.All, c => Assert.Contains($"ci-log.{c}", codes));
        Assert.Equal(StepName.CiLog, step.Name);
    }

    private static CiLogStep Step(ICiLogSource source, params string[] allowed)
    {
        var options = Options.Create(new GitHubOptions { AllowedRepositories = allowed });
        return new CiLogStep(
            source,
            new CiLogClassifier(),
            new RunLinkParser(options),
            TimeProvider.System,
            NullLogger<CiLogStep>.Instance);
    }

    private sealed class FakeSource(CiLogFetch answer) : ICiLogSource
    {
        public int Calls { get; private set; }

        public Task<CiLogFetch> FetchFailedJobLogAsync(RunLink link, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(answer);
        }
    }
}

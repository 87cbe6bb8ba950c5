using Bot.Core.Investigations;
using Bot.GitHub.Api;
using Bot.GitHub.Links;
using Bot.GitHub.Logs;
using Bot.GitHub.Step;
using Bot.Lab.GitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.GitHub.Tests.Step;

/// <summary>The real step, Octokit and all, pointed at a <see cref="GitHubStandIn"/>.</summary>
internal sealed class StandInHarness : IAsyncDisposable
{
    private readonly CiLogSource _source;

    private StandInHarness(GitHubStandIn standIn, GitHubOptions options)
    {
        StandIn = standIn;
        var wrapped = Options.Create(options);
        _source = new CiLogSource(wrapped, TimeProvider.System, NullLogger<CiLogSource>.Instance);
        Links = new RunLinkParser(wrapped);
        Step = new CiLogStep(
            _source, new CiLogClassifier(), Links, TimeProvider.System, NullLogger<CiLogStep>.Instance);
    }

    public GitHubStandIn StandIn { get; }

    public RunLinkParser Links { get; }

    public CiLogStep Step { get; }

    public static async Task<StandInHarness> StartAsync(
        IReadOnlyList<LabRun> runs,
        string? serverToken = null,
        string? clientToken = null,
        long maxLogBytes = 32 * 1024 * 1024)
    {
        var standIn = await GitHubStandIn.StartAsync(runs, serverToken, CancellationToken.None);
        var options = new GitHubOptions
        {
            WebBaseUrl = standIn.WebBaseUri.ToString(),
            ApiBaseUrl = standIn.ApiBaseUri.ToString(),
            Token = clientToken,
            MaxLogBytes = maxLogBytes,
            RequestTimeout = TimeSpan.FromSeconds(20),
        };
        return new StandInHarness(standIn, options);
    }

    public Task<StepResult> RunAsync(string link, Clues? clues = null)
    {
        var parsed = Links.Parse(link);
        Assert.True(parsed.IsValid, parsed.Reason);
        return Step.RunAsync((clues ?? new Clues()) with { RunLink = parsed.Link }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        _source.Dispose();
        await StandIn.DisposeAsync();
    }
}

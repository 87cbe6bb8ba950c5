using System.Net;
using System.Net.Http.Headers;
using Bot.Lab.GitHub;

namespace Bot.GitHub.Tests.Step;

/// <summary>The stand-in itself behaves like GitHub where the step relies on it.</summary>
public sealed class GitHubStandInTests
{
    private static readonly LabRun Run = new("acme", "app", 11, [new LabJob(3, "build", "failure", "the log\n")]);

    [Fact]
    public async Task Logs_Redirect_IsOneTimeAndOnAnotherHostName()
    {
        await using var standIn = await GitHubStandIn.StartAsync([Run], CancellationToken.None);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var redirect = await client.GetAsync(new Uri(standIn.ApiBaseUri, "repos/acme/app/actions/jobs/3/logs"));
        var storage = redirect.Headers.Location!;
        var first = await client.GetAsync(storage);
        var second = await client.GetAsync(storage);

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("localhost", storage.Host);
        Assert.Equal("the log\n", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }

    [Fact]
    public async Task Storage_RequestCarryingAToken_IsRefused()
    {
        await using var standIn = await GitHubStandIn.StartAsync([Run], CancellationToken.None);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var redirect = await client.GetAsync(new Uri(standIn.ApiBaseUri, "repos/acme/app/actions/jobs/3/logs"));
        using var request = new HttpRequestMessage(HttpMethod.Get, redirect.Headers.Location);
        request.Headers.Authorization = new AuthenticationHeaderValue("token", "x");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_IsGitHubStyle404Json()
    {
        await using var standIn = await GitHubStandIn.StartAsync([Run], CancellationToken.None);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(standIn.ApiBaseUri, "repos/acme/app/actions/runs/12"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"message\":\"Not Found\"", body, StringComparison.Ordinal);
        Assert.Contains("GET /api/v3/repos/acme/app/actions/runs/12", standIn.Requests);
    }

    [Fact]
    public async Task Run_KnownRun_IsServedWithItsConclusion()
    {
        await using var standIn = await GitHubStandIn.StartAsync([Run], CancellationToken.None);
        using var client = new HttpClient();

        var json = await client.GetStringAsync(new Uri(standIn.ApiBaseUri, "repos/acme/app/actions/runs/11"));

        Assert.Contains("\"conclusion\":\"failure\"", json, StringComparison.Ordinal);
        Assert.Contains("\"run_attempt\":1", json, StringComparison.Ordinal);
        Assert.Equal(new Uri(standIn.WebBaseUri, "acme/app/actions/runs/11"), standIn.RunLink(Run));
    }
}

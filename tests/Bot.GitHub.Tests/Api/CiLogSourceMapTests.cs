using System.Net;
using Bot.GitHub.Api;
using Octokit;

namespace Bot.GitHub.Tests.Api;

public sealed class CiLogSourceMapTests
{
    public static TheoryData<Exception, CiFetchOutcome> Failures { get; } = new()
    {
        { new NotFoundException(Answer(HttpStatusCode.NotFound)), CiFetchOutcome.RunNotFound },
        { new AuthorizationException(Answer(HttpStatusCode.Unauthorized)), CiFetchOutcome.Unauthorized },
        { new ForbiddenException(Answer(HttpStatusCode.Forbidden)), CiFetchOutcome.Unauthorized },
        {
            new RateLimitExceededException(Answer(HttpStatusCode.Forbidden, "API rate limit exceeded")),
            CiFetchOutcome.RateLimited
        },
        { new SecondaryRateLimitExceededException(Answer(HttpStatusCode.Forbidden)), CiFetchOutcome.RateLimited },
        { new ApiException(Answer(HttpStatusCode.TooManyRequests)), CiFetchOutcome.RateLimited },
        { new ApiException(Answer(HttpStatusCode.BadGateway)), CiFetchOutcome.Unreachable },
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), CiFetchOutcome.Unreachable },
        { new TaskCanceledException("timeout"), CiFetchOutcome.Unreachable },
        { new HttpRequestException("copy", new LogTooLargeException(10, null)), CiFetchOutcome.LogTooLarge },
        { new NotJsonAnswerException("text/html", 200), CiFetchOutcome.Garbage },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Map_RemoteFailure_BecomesItsOutcome(Exception failure, CiFetchOutcome expected)
    {
        var result = CiLogSource.Map(failure, CiFetchOutcome.RunNotFound, CancellationToken.None);

        Assert.Equal(expected, result?.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result?.Detail));
    }

    [Fact]
    public void Map_NotFoundWhileReadingTheLog_IsJobNotFound()
    {
        var gone = new NotFoundException(Answer(HttpStatusCode.NotFound));

        var result = CiLogSource.Map(gone, CiFetchOutcome.JobNotFound, CancellationToken.None);

        Assert.Equal(CiFetchOutcome.JobNotFound, result?.Outcome);
    }

    [Fact]
    public void Map_CancellationAskedForByTheCaller_IsNotAFinding()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = CiLogSource.Map(new TaskCanceledException(), CiFetchOutcome.RunNotFound, cancelled.Token);

        Assert.Null(result);
    }

    [Fact]
    public void Map_BugInOurCode_IsNotSwallowed()
    {
        var result = CiLogSource.Map(new FormatException(), CiFetchOutcome.RunNotFound, CancellationToken.None);

        Assert.Null(result);
    }

    private static FakeResponse Answer(HttpStatusCode status, string body = "{}") => new(status, body);

    private sealed class FakeResponse(HttpStatusCode status, string body) : IResponse
    {
        public object Body => body;

        public IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

        public ApiInfo ApiInfo { get; } =
            new(new Dictionary<string, Uri>(), [], [], "", new RateLimit(5000, 0, 1_900_000_000));

        public HttpStatusCode StatusCode => status;

        public string ContentType => "application/json";
    }
}

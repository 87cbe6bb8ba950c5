namespace Bot.Slack.WebApi;

/// <summary>
/// Slack kept answering 429 past the retry budget; <see cref="RetryAfter"/> is its last word on when to try again.
/// </summary>
public sealed class SlackRateLimitedException : SlackApiException
{
    public const string ErrorCode = "ratelimited";

    public SlackRateLimitedException(string method, TimeSpan retryAfter)
        : base(method, ErrorCode) => RetryAfter = retryAfter;

    public SlackRateLimitedException()
        : this("unknown", TimeSpan.Zero)
    {
    }

    public SlackRateLimitedException(string message)
        : base(message)
    {
    }

    public SlackRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; }
}

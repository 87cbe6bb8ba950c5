namespace Bot.GitHub.Api;

/// <summary>
/// The API answered 2xx with a body that is not labelled JSON (a proxy's HTML page, a captive
/// portal). Octokit would read that as an empty answer; this says what came instead.
/// </summary>
public sealed class NotJsonAnswerException : Exception
{
    public NotJsonAnswerException()
    {
    }

    public NotJsonAnswerException(string message)
        : base(message)
    {
    }

    public NotJsonAnswerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotJsonAnswerException(string? mediaType, int status)
        : base($"The API answered {status} with {mediaType ?? "no Content-Type"}, not JSON.")
    {
        MediaType = mediaType;
        Status = status;
    }

    public string? MediaType { get; }

    public int Status { get; }
}

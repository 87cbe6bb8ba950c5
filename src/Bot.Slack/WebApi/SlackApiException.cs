namespace Bot.Slack.WebApi;

/// <summary>
/// Slack answered a Web API call with <c>ok:false</c>, or with something that is not its JSON
/// envelope. <see cref="Error"/> is Slack's code (<c>channel_not_found</c>, <c>missing_scope</c>)
/// or ours for transport failures (<c>invalid_response</c>, <c>http_503</c>); <see cref="Kind"/> is
/// what it means for the caller, and what callers decide on.
/// </summary>
public class SlackApiException : Exception
{
    /// <summary>Our code for a body that is not Slack's JSON envelope (an HTML outage page, nothing at all).</summary>
    public const string InvalidResponse = "invalid_response";

    public SlackApiException(string method, string error, string? needed = null, string? provided = null,
        IReadOnlyList<string>? messages = null)
        : base($"Slack {method} failed: {error}{(needed is null ? "" : $" (needs {needed}, token has {provided})")}")
    {
        Method = method;
        Error = error;
        Kind = SlackErrors.KindOf(error);
        Needed = needed;
        Provided = provided;
        Messages = messages ?? [];
    }

    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = "unknown";
        Messages = [];
    }

    public string Method { get; }

    public string Error { get; }

    public SlackErrorKind Kind { get; }

    /// <summary>For <c>missing_scope</c>: the scope the method needs.</summary>
    public string? Needed { get; }

    /// <summary>For <c>missing_scope</c>: the scopes the token has.</summary>
    public string? Provided { get; }

    /// <summary>Slack's <c>response_metadata.messages</c>: hints such as JSON pointers to bad fields.</summary>
    public IReadOnlyList<string> Messages { get; }
}

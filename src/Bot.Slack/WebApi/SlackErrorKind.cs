namespace Bot.Slack.WebApi;

/// <summary>
/// What a Slack error means for the caller, so code decides on a kind and never on a spelling:
/// whether to stop, to start over, to send something smaller, or to wait.
/// </summary>
public enum SlackErrorKind
{
    /// <summary>Anything else: transport failures, a user not found, Slack's own outages.</summary>
    Other,

    /// <summary>The token is refused or lacks a scope; retrying the same call will not help.</summary>
    Auth,

    /// <summary>The channel or the message to edit is gone or out of reach; a new post may work.</summary>
    ChannelOrMessageGone,

    /// <summary>Slack refused what was sent (blocks, length, arguments); a smaller or plainer form may pass.</summary>
    Payload,

    /// <summary>Slack asked the bot to slow down (HTTP 429, or <c>ratelimited</c> in the envelope).</summary>
    RateLimited,
}

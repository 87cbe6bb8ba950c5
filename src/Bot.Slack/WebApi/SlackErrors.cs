namespace Bot.Slack.WebApi;

/// <summary>
/// Slack's error codes (SLACK.md §7, and the <c>chat.*</c> method pages) sorted into
/// <see cref="SlackErrorKind"/>s. A code not listed is <see cref="SlackErrorKind.Other"/>.
/// </summary>
public static class SlackErrors
{
    private static readonly Dictionary<string, SlackErrorKind> Kinds = new(StringComparer.Ordinal)
    {
        ["invalid_auth"] = SlackErrorKind.Auth,
        ["not_authed"] = SlackErrorKind.Auth,
        ["token_revoked"] = SlackErrorKind.Auth,
        ["token_expired"] = SlackErrorKind.Auth,
        ["account_inactive"] = SlackErrorKind.Auth,
        ["missing_scope"] = SlackErrorKind.Auth,
        ["not_allowed_token_type"] = SlackErrorKind.Auth,

        ["channel_not_found"] = SlackErrorKind.ChannelOrMessageGone,
        ["message_not_found"] = SlackErrorKind.ChannelOrMessageGone,
        ["is_archived"] = SlackErrorKind.ChannelOrMessageGone,
        ["not_in_channel"] = SlackErrorKind.ChannelOrMessageGone,
        // The message exists but this token may not edit it any more: as good as gone for an update.
        ["cant_update_message"] = SlackErrorKind.ChannelOrMessageGone,

        ["invalid_blocks"] = SlackErrorKind.Payload,
        ["invalid_blocks_format"] = SlackErrorKind.Payload,
        ["msg_too_long"] = SlackErrorKind.Payload,
        ["msg_blocks_too_long"] = SlackErrorKind.Payload,
        ["no_text"] = SlackErrorKind.Payload,
        ["invalid_arguments"] = SlackErrorKind.Payload,
        ["invalid_json"] = SlackErrorKind.Payload,
        ["invalid_attachments"] = SlackErrorKind.Payload,
        ["too_many_attachments"] = SlackErrorKind.Payload,

        ["ratelimited"] = SlackErrorKind.RateLimited,
        ["rate_limited"] = SlackErrorKind.RateLimited,
    };

    public static SlackErrorKind KindOf(string error) => Kinds.GetValueOrDefault(error, SlackErrorKind.Other);
}

using Bot.Slack.Interactivity;

namespace Bot.Slack.Clicks;

/// <summary>
/// One click as the inbox keeps it: only the facts handling needs, never the whole payload. The
/// <see cref="DeliveryKey"/> is the same for a redelivery of this click and different for a
/// second click, so the inbox takes each click once.
/// </summary>
public sealed record Click(
    string DeliveryKey,
    string ActionId,
    string? Value,
    string UserId,
    string? TeamId,
    string? ChannelId,
    string? ResponseUrl,
    string? ActionTs,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Slack takes posts to a <c>response_url</c> for 30 minutes after the click.</summary>
    public static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(30);

    public static Click From(BlockActionsPayload payload, BlockAction action, DateTimeOffset receivedAt)
    {
        var team = payload.Team?.Id is { Length: > 0 } id ? id : payload.User.TeamId;
        return new Click(
            KeyOf(payload, action, team),
            action.ActionId,
            action.Value,
            payload.User.Id,
            team,
            payload.Channel?.Id ?? payload.Container?.ChannelId,
            payload.ResponseUrl,
            action.ActionTs,
            receivedAt);
    }

    /// <summary>True once Slack no longer takes answers through the click's <c>response_url</c>.</summary>
    public bool IsExpired(DateTimeOffset now) => now - ReceivedAt > ResponseUrlLifetime;

    /// <summary>
    /// Slack stamps every click with its own <c>action_ts</c> and <c>trigger_id</c>, and a
    /// redelivery repeats both; a double click is two clicks. Without either there is nothing to
    /// recognise a redelivery by, so the click gets a key of its own.
    /// </summary>
    private static string KeyOf(BlockActionsPayload payload, BlockAction action, string? team)
    {
        if (string.IsNullOrEmpty(action.ActionTs) && string.IsNullOrEmpty(payload.TriggerId))
            return "once:" + Guid.NewGuid().ToString("N");

        return string.Join('|', team, payload.User.Id, action.ActionId, action.ActionTs, payload.TriggerId);
    }
}

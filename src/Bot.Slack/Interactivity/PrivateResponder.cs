using Bot.Slack.Clicks;
using Bot.Slack.Inbound;
using Bot.Slack.WebApi;

namespace Bot.Slack.Interactivity;

/// <summary>
/// Answers the person who clicked, visible to them only: through the payload's <c>response_url</c>
/// when it is Slack's, otherwise with <c>chat.postEphemeral</c> in the channel of the click.
/// </summary>
public sealed class PrivateResponder(ResponseUrlClient responseUrls, SlackApiClient slack)
{
    public Task ReplyAsync(Click click, SlackReply reply, CancellationToken cancellationToken) =>
        ReplyAsync(click.ResponseUrl, click.ChannelId, click.UserId, reply, cancellationToken);

    public async Task ReplyAsync(
        string? responseUrl, string? channel, string user, SlackReply reply, CancellationToken cancellationToken)
    {
        if (await responseUrls.TryPostAsync(responseUrl, reply, cancellationToken))
            return;
        if (string.IsNullOrEmpty(channel))
            return;

        var message = new SlackMessage(reply.Text, reply.Blocks);
        await slack.PostEphemeralAsync(channel, user, message, cancellationToken);
    }
}

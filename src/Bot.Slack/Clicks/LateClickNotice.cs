using System.Globalization;
using Bot.Slack.Interactivity;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Clicks;

/// <summary>
/// Tells the person whose click waited past its <c>response_url</c> that it came too late and was
/// not acted on, so they can click again: privately, with <c>chat.postEphemeral</c> in the channel
/// of the click (the <c>response_url</c> is dead by then). Said only while the button is still
/// offered; one that is gone (the fix was asked for meanwhile) has nothing to click again.
/// </summary>
public sealed class LateClickNotice(SlackApiClient slack, SlackPrompts prompts, ILogger<LateClickNotice> logger)
{
    public async Task TellAsync(
        Click click, IBlockActionHandler? handler, TimeSpan waited, CancellationToken cancellationToken)
    {
        if (handler is null || string.IsNullOrEmpty(click.ChannelId))
            return;

        try
        {
            if (!await handler.IsStillOfferedAsync(click, cancellationToken))
            {
                SlackLog.LateClickNoLongerOffered(logger, click.ActionId, click.UserId);
                return;
            }

            var minutes = ((long)waited.TotalMinutes).ToString(CultureInfo.InvariantCulture);
            var text = prompts.Render(SlackPrompts.ClickTooLate, ("minutes", minutes));
            await slack.PostEphemeralAsync(click.ChannelId, click.UserId, new SlackMessage(text), cancellationToken);
            SlackLog.LateClickTold(logger, click.ActionId, click.UserId);
        }
#pragma warning disable CA1031 // A courtesy: whatever stops it, the click is still finished as expired, never retried.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SlackLog.LateClickNotTold(logger, ex, click.ActionId, click.UserId);
        }
#pragma warning restore CA1031
    }
}

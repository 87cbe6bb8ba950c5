using Bot.Slack.Clicks;

namespace Bot.Slack.Interactivity;

/// <summary>
/// Handles clicks on elements with one <c>action_id</c>. It runs after the click was stored and
/// acknowledged, from the <see cref="ClickInbox"/>, so it may call Slack and take its time; it may
/// also run twice for one click (a crash between handling and marking it done), so it must be
/// idempotent.
/// </summary>
public interface IBlockActionHandler
{
    string ActionId { get; }

    Task HandleAsync(Click click, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the element clicked is still offered as it was, so that a click that came too late
    /// to be acted on can be made again; read-only, it changes nothing.
    /// </summary>
    Task<bool> IsStillOfferedAsync(Click click, CancellationToken cancellationToken);
}

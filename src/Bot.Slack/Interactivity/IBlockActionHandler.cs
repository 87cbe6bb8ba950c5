namespace Bot.Slack.Interactivity;

/// <summary>
/// Handles clicks on elements with one <c>action_id</c>. It runs after the click was acknowledged,
/// on the background queue, so it may call Slack and take its time.
/// </summary>
public interface IBlockActionHandler
{
    string ActionId { get; }

    Task HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken);
}

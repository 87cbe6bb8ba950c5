namespace Bot.Slack.Clicks;

/// <summary>Where a stored click is; only <see cref="Pending"/> rows are ever handled.</summary>
public enum ClickState
{
    Pending,
    Done,

    /// <summary>Waited longer than its <c>response_url</c> lives; not acted on.</summary>
    Expired,

    /// <summary>Handling failed every attempt, or no handler takes its action id any more.</summary>
    Failed,
}

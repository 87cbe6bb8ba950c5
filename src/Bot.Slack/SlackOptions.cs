namespace Bot.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. Tokens and secrets come from the environment or a
/// secret store (<c>Slack__BotToken</c>), are validated at start-up and are never logged.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The bot token (<c>xoxb-…</c>) every Web API call carries. Required.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>
    /// The app-level token (<c>xapp-…</c>) that opens Socket Mode connections. Required with Socket Mode.
    /// </summary>
    public string AppToken { get; set; } = "";

    /// <summary>Signs every HTTP request Slack sends us. Required unless only Socket Mode is used.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The secret being rotated out; requests signed with it are still accepted. Optional.</summary>
    public string PreviousSigningSecret { get; set; } = "";

    /// <summary>The channel id (<c>C…</c>) where each investigation keeps its living message. Required.</summary>
    public string Channel { get; set; } = "";

    /// <summary>Where the Web API lives. Default <c>https://slack.com/api/</c>; tests point it at a stand-in.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>User ids (<c>U…</c>/<c>W…</c>) who may ask for a fix. Empty by default.</summary>
    public IList<string> Approvers { get; } = [];

    /// <summary>A usergroup id (<c>S…</c>) whose members may ask for a fix. Optional.</summary>
    public string ApproverGroup { get; set; } = "";

    /// <summary>Receive commands and clicks over Socket Mode instead of (or beside) HTTP. Default false.</summary>
    public bool UseSocketMode { get; set; }

    /// <summary>
    /// Slack allows about one message per second per channel, with short bursts. Default 1 s
    /// between messages after a burst of <see cref="PostBurst"/>.
    /// </summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many messages may go to one channel back to back before pacing starts. Default 3.</summary>
    public int PostBurst { get; set; } = 3;

    /// <summary>The longest a call may wait in total on 429 answers before it gives up. Default 60 s.</summary>
    public TimeSpan RateLimitBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a resolved approver group is trusted before it is read again. Default 5 min.</summary>
    public TimeSpan ApproverGroupCacheTime { get; set; } = TimeSpan.FromMinutes(5);
}

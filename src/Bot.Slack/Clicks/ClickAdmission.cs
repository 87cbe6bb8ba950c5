namespace Bot.Slack.Clicks;

/// <summary>What the inbox did with a click before it was acknowledged.</summary>
public enum ClickAdmission
{
    /// <summary>Stored; the worker handles it.</summary>
    Admitted,

    /// <summary>The same click was stored before (a redelivery); nothing new to do.</summary>
    Duplicate,

    /// <summary>Too many clicks wait already; not stored, and the clicker must hear so.</summary>
    Full,

    /// <summary>The database could not take the click in time for the ack; not stored either.</summary>
    Busy,
}

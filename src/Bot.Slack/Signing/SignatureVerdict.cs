namespace Bot.Slack.Signing;

/// <summary>Why a request was or was not taken as sent by Slack; the log names it, the caller only sees 401.</summary>
public enum SignatureVerdict
{
    Valid,
    MissingHeader,
    MalformedTimestamp,
    OutsideWindow,
    Mismatch,
    Replayed,
}

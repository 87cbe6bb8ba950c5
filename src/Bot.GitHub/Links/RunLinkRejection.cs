namespace Bot.GitHub.Links;

/// <summary>Why a text is not a run link the bot will follow.</summary>
public enum RunLinkRejection
{
    Empty,
    TooLong,
    NotAUrl,
    NotHttp,
    HostNotAllowed,
    RepositoryNotAllowed,
    NotAnActionsRun,
    BadId,
}

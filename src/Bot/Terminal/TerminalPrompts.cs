namespace Bot.Terminal;

/// <summary>The prompts the terminal chat and the printed report use, under <c>prompts/chat/</c>.</summary>
internal static class TerminalPrompts
{
    public const string Welcome = "chat/welcome";
    public const string Help = "chat/help";
    public const string Accepted = "chat/accepted";
    public const string Refused = "chat/refused";
    public const string UnknownCommand = "chat/unknown-command";
    public const string Waiting = "chat/waiting";
    public const string Goodbye = "chat/goodbye";
    public const string StepStarted = "chat/step-started";
    public const string StepRecorded = "chat/step-recorded";
    public const string Evidence = "chat/evidence";
    public const string RootCause = "chat/root-cause";
    public const string ChainLink = "chat/chain-link";
    public const string ChainEvidence = "chat/chain-evidence";
    public const string Warning = "chat/warning";
    public const string Fix = "chat/fix";
    public const string Precondition = "chat/precondition";
    public const string NoResume = "chat/nothing-to-resume";

    public static IReadOnlyCollection<string> Keys { get; } =
    [
        Welcome, Help, Accepted, Refused, UnknownCommand, Waiting, Goodbye,
        StepStarted, StepRecorded, Evidence, RootCause, ChainLink, ChainEvidence, Warning, Fix, Precondition, NoResume,
    ];
}

namespace Bot.Lab.Sessions;

/// <summary>
/// The lab could not build the scenario's registry state: a push that should have worked failed,
/// or the induced failure did not leave the registry the way the scenario says. The scenario is
/// unusable as written; the message says what was expected and what the registry answered.
/// </summary>
public sealed class LabSetupException(string message) : Exception(message);

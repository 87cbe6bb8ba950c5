namespace Bot.Lab;

/// <summary>
/// Something the lab needs is not on this machine. The lab installs nothing itself; the message
/// names what is missing and the command that fixes it.
/// </summary>
public sealed class LabPrerequisiteException(string message) : Exception(message);

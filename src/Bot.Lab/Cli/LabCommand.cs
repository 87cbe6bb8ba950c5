namespace Bot.Lab.Cli;

public enum LabCommand
{
    Run,
    Chat,
}

namespace Bot.Core.Investigations;

/// <summary>Findings the runner itself records when a step could not give its own.</summary>
public static class CoreFindings
{
    public const string StepTimedOut = "step.timed-out";
    public const string StepCrashed = "step.crashed";
    public const string StepNotConfigured = "step.not-configured";

    public static IReadOnlyCollection<string> All { get; } = [StepTimedOut, StepCrashed, StepNotConfigured];
}

namespace Bot.Core.Investigations;

/// <summary>What a step hands back: its verdict, its evidence, and the clues it adds for later steps.</summary>
public sealed record StepResult(StepStatus Status, Finding Finding, IReadOnlyList<Evidence> Evidence, Clues Clues)
{
    public static StepResult Fine(Finding finding, Clues clues, params Evidence[] evidence) =>
        new(StepStatus.Fine, finding, evidence, clues);

    public static StepResult Problem(Finding finding, Clues clues, params Evidence[] evidence) =>
        new(StepStatus.ProblemFound, finding, evidence, clues);

    public static StepResult CouldNotCheck(Finding finding, Clues clues, params Evidence[] evidence) =>
        new(StepStatus.CouldNotCheck, finding, evidence, clues);

    public static StepResult Skipped(Finding finding, Clues clues) =>
        new(StepStatus.Skipped, finding, [], clues);
}

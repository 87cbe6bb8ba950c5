namespace Bot.Core.Investigations;

/// <summary>
/// One step of the walk. A step never throws for a remote failure: a registry that is down, a 401
/// or a timeout is a finding with <see cref="StepStatus.CouldNotCheck"/>.
/// </summary>
public interface IInvestigationStep
{
    StepName Name { get; }

    /// <summary>Every finding code this step can produce; each must have a prompt template.</summary>
    IReadOnlyCollection<string> FindingCodes { get; }

    Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken);
}

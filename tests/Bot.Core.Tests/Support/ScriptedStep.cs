using Bot.Core.Investigations;

namespace Bot.Core.Tests.Support;

/// <summary>A step that does what the test says: answer, throw, or wait to be cancelled.</summary>
internal sealed class ScriptedStep(StepName name, Func<Clues, CancellationToken, Task<StepResult>> run)
    : IInvestigationStep
{
    public int Runs { get; private set; }

    public StepName Name => name;

    public IReadOnlyCollection<string> FindingCodes => [$"{name}.scripted"];

    public Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken)
    {
        Runs++;
        return run(clues, cancellationToken);
    }

    public static ScriptedStep Fine(StepName name) =>
        new(name, (clues, _) => Task.FromResult(
            StepResult.Fine(Finding.Of($"{name}.scripted"), clues, Evidence.Of("GET /x", "200"))));
}

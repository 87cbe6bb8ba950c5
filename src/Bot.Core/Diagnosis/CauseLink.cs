using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>One link of a cause chain: what the step found, worded by <c>prompts/chain/{Code}</c>.</summary>
public sealed record CauseLink(string Code, StepName Step, IReadOnlyDictionary<string, string> Facts)
{
    /// <summary>
    /// Text that marks the evidence this link rests on (a digest, <c>96%</c>, an outcome class), so
    /// the report can show that request and the lines of its answer that matter. Empty: the step's last.
    /// </summary>
    public IReadOnlyList<string> Marks { get; init; } = [];
}

using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>The named cause, its facts for the prompt, and the steps whose evidence supports it.</summary>
public sealed record RootCause(
    RootCauseCode Code, IReadOnlyDictionary<string, string> Facts, IReadOnlyList<StepName> SupportedBy)
{
    /// <summary>
    /// The chain from symptom to cause, one link per step that supports it (CI failure, broken
    /// blob, full volume, failing GC); empty when the cause is a single fact.
    /// </summary>
    public IReadOnlyList<CauseLink> Chain { get; init; } = [];
}

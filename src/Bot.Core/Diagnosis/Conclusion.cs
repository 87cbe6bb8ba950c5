namespace Bot.Core.Diagnosis;

/// <summary>How an investigation ended: the root cause and the fixes on offer.</summary>
public sealed record Conclusion(RootCause RootCause, IReadOnlyList<OfferedFix> Fixes)
{
    /// <summary>What else is wrong but did not cause this failure (a nearly full volume, a failing GC).</summary>
    public IReadOnlyList<Warning> Warnings { get; init; } = [];
}

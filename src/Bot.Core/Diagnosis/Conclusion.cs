namespace Bot.Core.Diagnosis;

/// <summary>How an investigation ended: the root cause and the fixes on offer.</summary>
public sealed record Conclusion(RootCause RootCause, IReadOnlyList<OfferedFix> Fixes);

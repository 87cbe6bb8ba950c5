using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>The named cause, its facts for the prompt, and the steps whose evidence supports it.</summary>
public sealed record RootCause(RootCauseCode Code, IReadOnlyDictionary<string, string> Facts, IReadOnlyList<StepName> SupportedBy);

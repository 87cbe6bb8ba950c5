namespace Bot.Core.Diagnosis;

/// <summary>A fix the bot offers, with what it would act on and the preconditions re-checked before it runs.</summary>
public sealed record OfferedFix(
    FixKind Kind, IReadOnlyDictionary<string, string> Facts, IReadOnlyList<string> Preconditions);

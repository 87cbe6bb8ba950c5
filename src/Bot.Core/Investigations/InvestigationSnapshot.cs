using Bot.Core.Diagnosis;

namespace Bot.Core.Investigations;

/// <summary>Everything an investigation is, as plain data: what the store writes and reads back.</summary>
public sealed record InvestigationSnapshot(
    string Id,
    string Input,
    InvestigationState State,
    Clues Clues,
    IReadOnlyList<StepRecord> Steps,
    Conclusion? Conclusion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

namespace Bot.Core.Investigations;

/// <summary>The recorded result of one step: exactly one per step per investigation.</summary>
public sealed record StepRecord(
    StepName Step,
    StepStatus Status,
    Finding Finding,
    IReadOnlyList<Evidence> Evidence,
    TimeSpan Duration,
    DateTimeOffset FinishedAt);

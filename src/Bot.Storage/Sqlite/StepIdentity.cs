namespace Bot.Storage.Sqlite;

/// <summary>
/// What tells one run of a step from another: a later save repeats a written record exactly,
/// while a step that ran again finishes at another moment.
/// </summary>
internal sealed record StepIdentity(string Status, long DurationMs, string FinishedAt);

namespace Bot.Kubernetes.Gc;

/// <summary>What one GC run's log says: the outcome class (a <c>GcOutcomes</c> value), why, and when.</summary>
public sealed record GcVerdict(string Outcome, string? Detail, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

using Bot.Lab.Content;
using Bot.Lab.Scenarios;

namespace Bot.Lab.Failures;

/// <summary>What the lab broke, for the operator and for the CI log templates.</summary>
/// <param name="Summary">One line saying what was done and what it left.</param>
/// <param name="Repository">Repository of the damaged blob; null when nothing was damaged.</param>
/// <param name="BrokenBlob">The damaged blob (a layer, or the cache manifest itself); null for none.</param>
public sealed record InducedFailure(FailureKind Kind, string Summary, string? Repository, BlobRef? BrokenBlob);

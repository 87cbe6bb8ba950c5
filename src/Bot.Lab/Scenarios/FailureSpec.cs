namespace Bot.Lab.Scenarios;

/// <summary>The failure to induce after the pushes.</summary>
/// <param name="Cache">Reference (<c>repository:tag</c>) of the cache to damage; null for the first cache.</param>
/// <param name="Layer">Index of the cache layer to damage; null for the last (the newest in a cache update).</param>
/// <param name="Restart">Restart the registry after the damage, which empties its in-memory cache.</param>
public sealed record FailureSpec(FailureKind Kind, string? Cache, int? Layer, bool Restart);

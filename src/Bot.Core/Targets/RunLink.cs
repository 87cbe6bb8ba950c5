namespace Bot.Core.Targets;

/// <summary>A link to one CI run (and, when the link names it, one job of that run).</summary>
public sealed record RunLink(Uri Url, string Owner, string Repository, long RunId, long? JobId);

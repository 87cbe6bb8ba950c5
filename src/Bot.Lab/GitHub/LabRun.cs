namespace Bot.Lab.GitHub;

/// <summary>A workflow run the stand-in serves, with its jobs (one attempt).</summary>
public sealed record LabRun(string Owner, string Repository, long RunId, IReadOnlyList<LabJob> Jobs);

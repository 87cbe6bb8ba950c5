namespace Bot.Lab.GitHub;

/// <summary>
/// A job the stand-in serves: <paramref name="Conclusion"/> as GitHub spells it (<c>failure</c>,
/// <c>success</c>; empty = still running).
/// </summary>
public sealed record LabJob(long Id, string Name, string Conclusion, string Log);

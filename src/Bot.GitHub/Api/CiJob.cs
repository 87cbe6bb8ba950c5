namespace Bot.GitHub.Api;

/// <summary>One job of a workflow run, as far as the walk needs it.</summary>
public sealed record CiJob(long Id, string Name, string? Conclusion);

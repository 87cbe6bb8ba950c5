namespace Bot.Lab.Scenarios;

/// <summary>A CI job with its log rendered: what the GitHub stand-in serves as <c>LabJob</c>.</summary>
public sealed record LabCiJob(long Id, string Name, string Conclusion, string Log);

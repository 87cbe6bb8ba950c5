namespace Bot.Lab.Scenarios;

/// <summary>The failing CI run the bot is pointed at, as GitHub Actions would report it.</summary>
public sealed record CiSpec(string Owner, string Repository, long RunId, IReadOnlyList<CiJobSpec> Jobs);

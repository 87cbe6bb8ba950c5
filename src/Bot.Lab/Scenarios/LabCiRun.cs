namespace Bot.Lab.Scenarios;

/// <summary>
/// The scenario's CI run with real digests in its logs: what the GitHub stand-in serves as
/// <c>LabRun</c>. It maps one to one: <c>new LabRun(Owner, Repository, RunId, Jobs.Select(j =>
/// new LabJob(j.Id, j.Name, j.Conclusion, j.Log)).ToList())</c>.
/// </summary>
public sealed record LabCiRun(string Owner, string Repository, long RunId, IReadOnlyList<LabCiJob> Jobs);

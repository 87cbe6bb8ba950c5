namespace Bot.Lab.Scenarios;

/// <summary>
/// Which <c>Cluster:Gc:PodLogs</c> key finds the GC pods (<c>CronJob</c>, <c>Job</c> or <c>Pod</c>)
/// and its value, derived from the pods' <c>job-name</c> labels.
/// </summary>
public sealed record GcPodsSelector(string Key, string Value, string Container);

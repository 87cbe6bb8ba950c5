namespace Bot.Lab.Cluster;

/// <summary>A pod that ran GC: its labels (e.g. <c>job-name</c>), phase, start time and log text.</summary>
public sealed record GcPodScenario
{
    public required string Name { get; init; }

    public Dictionary<string, string> Labels { get; init; } = [];

    public string Phase { get; init; } = "Succeeded";

    public DateTimeOffset? StartedAt { get; init; }

    public string Container { get; init; } = "gc";

    public string Log { get; init; } = "";
}

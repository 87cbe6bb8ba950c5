namespace Bot.Lab.Cluster;

/// <summary>A GC run as Harbor's <c>/api/v2.0/system/gc</c> lists it, with its job log (null: 404).</summary>
public sealed record HarborGcJob
{
    public required long Id { get; init; }

    /// <summary>Harbor's <c>job_status</c>: Success, Error, Running, Pending, Scheduled or Stopped.</summary>
    public required string Status { get; init; }

    public bool DryRun { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public string? Log { get; init; }
}

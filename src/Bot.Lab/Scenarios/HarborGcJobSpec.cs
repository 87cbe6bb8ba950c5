using Fluid;

namespace Bot.Lab.Scenarios;

/// <summary>
/// One run in the GC history the lab serves as Harbor's API: its id, <c>job_status</c>, whether it
/// was a dry run, when it started, and its job log (a Liquid template; null: the log is gone).
/// </summary>
public sealed record HarborGcJobSpec(
    long Id, string Status, bool DryRun, PodStart StartedAt, IFluidTemplate? LogTemplate, int Line);

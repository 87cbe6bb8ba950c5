using Fluid;

namespace Bot.Lab.Scenarios;

/// <summary>A pod that ran GC; its log is a Liquid template rendered with the session's facts.</summary>
public sealed record GcPodSpec(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    string Phase,
    PodStart StartedAt,
    string Container,
    IFluidTemplate LogTemplate,
    int Line);

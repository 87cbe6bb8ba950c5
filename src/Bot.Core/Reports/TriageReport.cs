using System.Text.Json.Serialization;

namespace Bot.Core.Reports;

/// <summary>
/// The report as people and scripts read it (<c>--json</c>): steps, root cause, offered fixes.
/// Its shape is a documented contract; add fields, never rename them.
/// </summary>
public sealed record TriageReport(
    string Investigation,
    string Input,
    string State,
    long DurationMs,
    IReadOnlyList<ReportStep> Steps,
    ReportRootCause? RootCause,
    IReadOnlyList<ReportFix> Fixes)
{
    /// <summary>What else is wrong but did not cause this failure.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

public sealed record ReportStep(
    string Name,
    string Title,
    string Status,
    string Summary,
    long DurationMs,
    IReadOnlyList<ReportEvidence> Evidence);

public sealed record ReportRootCause(string Code, string Summary, IReadOnlyList<ReportEvidence> Evidence)
{
    /// <summary>The chain from symptom to cause, each link with its own step's evidence.</summary>
    public IReadOnlyList<ReportLink> Chain { get; init; } = [];
}

public sealed record ReportLink(string Step, string Summary, IReadOnlyList<ReportEvidence> Evidence)
{
    /// <summary>
    /// The one or two requests this link rests on, each answer cut to the lines that matter, for the
    /// chat. The JSON keeps the step's whole <see cref="Evidence"/> instead.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ReportEvidence> KeyEvidence { get; init; } = [];
}

public sealed record ReportEvidence(string Step, string Request, string Answer);

public sealed record ReportFix(string Kind, string Summary, IReadOnlyList<string> Preconditions);

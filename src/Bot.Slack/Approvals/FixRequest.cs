namespace Bot.Slack.Approvals;

/// <summary>Someone asked for a fix; the first request per investigation and fix kind is the one kept.</summary>
public sealed record FixRequest(string InvestigationId, string FixKind, string RequestedBy, DateTimeOffset RequestedAt);

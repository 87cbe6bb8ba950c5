namespace Bot.Core.Triage;

/// <summary>
/// Whether a triage request was taken on. A refusal carries a code; adapters say it in words
/// from <c>prompts/rejections//// <summary>Whether a triage request was taken on; a refusal carries the reason in words for the requester.</summary>lt;code/// <summary>Whether a triage request was taken on; a refusal carries the reason in words for the requester.</summary>gt;.liquid</c>.
/// </summary>
public sealed record LaunchResult(string? InvestigationId, string? Rejection)
{
    public bool Accepted => InvestigationId is not null;

    public static LaunchResult Started(string investigationId) => new(investigationId, null);

    public static LaunchResult Refused(string rejection) => new(null, rejection);
}

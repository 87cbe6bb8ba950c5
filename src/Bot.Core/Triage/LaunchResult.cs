namespace Bot.Core.Triage;

/// <summary>
/// Whether a triage request was taken on. A refusal carries a code; adapters say it in words
/// from the prompt <c>rejections/{code}</c>.
/// </summary>
public sealed record LaunchResult(string? InvestigationId, string? Rejection)
{
    public bool Accepted => InvestigationId is not null;

    public static LaunchResult Started(string investigationId) => new(investigationId, null);

    public static LaunchResult Refused(string rejection) => new(null, rejection);
}

using System.Diagnostics.CodeAnalysis;
using Bot.Core.Targets;

namespace Bot.GitHub.Links;

/// <summary>A parsed run link, or the reason the text was refused, worded for the person who sent it.</summary>
public sealed record RunLinkParseResult
{
    private RunLinkParseResult(RunLink? link, int? attempt, RunLinkRejection? rejection, string? reason)
    {
        Link = link;
        Attempt = attempt;
        Rejection = rejection;
        Reason = reason;
    }

    public RunLink? Link { get; }

    /// <summary>The attempt the link names, if any. The walk reads the run's latest attempt regardless.</summary>
    public int? Attempt { get; }

    public RunLinkRejection? Rejection { get; }

    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Link))]
    [MemberNotNullWhen(false, nameof(Rejection), nameof(Reason))]
    public bool IsValid => Link is not null;

    internal static RunLinkParseResult Valid(RunLink link, int? attempt) => new(link, attempt, null, null);

    internal static RunLinkParseResult Invalid(RunLinkRejection rejection, string reason) =>
        new(null, null, rejection, reason);
}

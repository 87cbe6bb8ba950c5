using Bot.Core.Investigations;
using Bot.Core.Reports;

namespace Bot.Slack.LivingMessages;

/// <summary>
/// The root cause's chain as the report words it, in the chat's order, each link with the title
/// of its step: what the living message and the chain's evidence reply both show.
/// </summary>
internal static class CauseChainLinks
{
    public static IReadOnlyList<(ReportLink Link, string Title)> Of(
        TriageReportBuilder report, Investigation investigation)
    {
        var causes = investigation.Conclusion?.RootCause.Chain ?? [];
        if (causes.Count == 0)
            return [];

        // The report words the links in the chain's order, so each pairs with its cause's step.
        var links = report.Build(investigation).RootCause!.Chain;
        return [.. links.Zip(causes, (link, cause) => (link, report.Title(cause.Step)))];
    }
}

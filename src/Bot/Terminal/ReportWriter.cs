using Bot.Core;
using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Reports;

namespace Bot.Terminal;

/// <summary>Writes steps, the root cause and the offered fixes as lines of text, in the chat's own words.</summary>
internal sealed class ReportWriter(PromptCatalog prompts, TriageReportBuilder reports)
{
    // An answer's further lines sit two columns right of its evidence line (chat/evidence at 6, chain-evidence at 10).
    private const string StepIndent = "        ";
    private const string ChainIndent = "            ";

    public string StepStarted(Investigation investigation, StepName step) =>
        prompts.Render(TerminalPrompts.StepStarted, Facts(investigation, ("title", reports.Title(step))));

    public IEnumerable<string> StepRecorded(Investigation investigation, StepRecord record)
    {
        var ms = ((long)record.Duration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return prompts.Render(TerminalPrompts.StepRecorded, Facts(
            investigation,
            ("title", reports.Title(record.Step)),
            ("status", KebabCase.Of(record.Status)),
            ("statusText", prompts.Render(PromptKeys.Status(record.Status))),
            ("summary", reports.Summarize(record)),
            ("ms", ms)));

        foreach (var evidence in record.Evidence)
        {
            var answer = Indented(evidence.Answer, StepIndent);
            yield return prompts.Render(
                TerminalPrompts.Evidence, Facts(investigation, ("request", evidence.Request), ("answer", answer)));
        }
    }

    public IEnumerable<string> Concluded(Investigation investigation)
    {
        var report = reports.Build(investigation);
        if (report.RootCause is null)
            yield break;

        yield return prompts.Render(TerminalPrompts.RootCause, Facts(
            investigation, ("code", report.RootCause.Code), ("summary", report.RootCause.Summary)));

        foreach (var link in report.RootCause.Chain)
        {
            var said = Facts(investigation, ("step", link.Step), ("summary", link.Summary));
            yield return prompts.Render(TerminalPrompts.ChainLink, said);

            foreach (var evidence in link.KeyEvidence)
            {
                var answer = Indented(evidence.Answer, ChainIndent);
                var facts = Facts(investigation, ("request", evidence.Request), ("answer", answer));
                yield return prompts.Render(TerminalPrompts.ChainEvidence, facts);
            }
        }

        foreach (var warning in report.Warnings)
            yield return prompts.Render(TerminalPrompts.Warning, Facts(investigation, ("summary", warning)));

        foreach (var fix in report.Fixes)
        {
            var offered = Facts(investigation, ("kind", fix.Kind), ("summary", fix.Summary));
            yield return prompts.Render(TerminalPrompts.Fix, offered);
            foreach (var precondition in fix.Preconditions)
            {
                var facts = Facts(investigation, ("summary", precondition));
                yield return prompts.Render(TerminalPrompts.Precondition, facts);
            }
        }
    }

    // An answer of several lines (log excerpts) stays under its request instead of running along the margin.
    private static string Indented(string answer, string indent) =>
        answer.ReplaceLineEndings(Environment.NewLine + indent);

    private static Dictionary<string, string> Facts(
        Investigation investigation, params (string Key, string Value)[] facts)
    {
        var all = facts.ToDictionary(f => f.Key, f => f.Value);
        all["id"] = investigation.Id;
        return all;
    }
}

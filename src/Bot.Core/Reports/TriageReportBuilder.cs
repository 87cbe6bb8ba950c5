using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Prompts;

namespace Bot.Core.Reports;

/// <summary>Renders an investigation into its report, with every sentence taken from the prompt catalog.</summary>
public sealed class TriageReportBuilder(PromptCatalog prompts)
{
    public TriageReport Build(Investigation investigation)
    {
        var steps = investigation.Steps.Select(Step).ToList();
        var duration = (long)(investigation.UpdatedAt - investigation.CreatedAt).TotalMilliseconds;
        var conclusion = investigation.Conclusion;
        var state = KebabCase.Of(investigation.State);
        if (conclusion is null)
            return new TriageReport(investigation.Id, investigation.Input, state, duration, steps, null, []);

        var cause = conclusion.RootCause;
        var evidence = investigation.Steps
            .Where(s => cause.SupportedBy.Contains(s.Step))
            .SelectMany(EvidenceOf)
            .ToList();
        var chain = cause.Chain.Select(link => Link(investigation, link)).ToList();
        var summary = prompts.Render(PromptKeys.RootCause(cause.Code), cause.Facts);
        var rootCause = new ReportRootCause(KebabCase.Of(cause.Code), summary, evidence) { Chain = chain };

        var fixes = conclusion.Fixes
            .Select(f => new ReportFix(
                KebabCase.Of(f.Kind),
                prompts.Render(PromptKeys.Fix(f.Kind), f.Facts),
                [.. f.Preconditions.Select(p => prompts.Render(PromptKeys.Precondition(p), f.Facts))]))
            .ToList();

        var warnings = conclusion.Warnings.Select(w => prompts.Render(PromptKeys.Warning(w.Code), w.Facts)).ToList();
        return new TriageReport(investigation.Id, investigation.Input, state, duration, steps, rootCause, fixes)
        {
            Warnings = warnings,
        };
    }

    /// <summary>The one-line summary of a recorded step, as the chat and the report show it.</summary>
    public string Summarize(StepRecord record) =>
        prompts.Render(PromptKeys.Finding(record.Finding.Code), record.Finding.Facts);

    public string Title(StepName step) => prompts.Render(PromptKeys.Step(step));

    private ReportStep Step(StepRecord record) =>
        new(
            KebabCase.Of(record.Step),
            Title(record.Step),
            KebabCase.Of(record.Status),
            Summarize(record),
            (long)record.Duration.TotalMilliseconds,
            [.. EvidenceOf(record)]);

    private ReportLink Link(Investigation investigation, CauseLink link)
    {
        List<ReportEvidence> evidence = [.. investigation.Steps.Where(s => s.Step == link.Step).SelectMany(EvidenceOf)];
        var summary = prompts.Render(PromptKeys.ChainLink(link.Code), link.Facts);
        return new ReportLink(KebabCase.Of(link.Step), summary, evidence)
        {
            KeyEvidence = KeyEvidence.For(link, evidence),
        };
    }

    private static IEnumerable<ReportEvidence> EvidenceOf(StepRecord record) =>
        record.Evidence.Select(e => new ReportEvidence(KebabCase.Of(record.Step), e.Request, e.Answer));
}

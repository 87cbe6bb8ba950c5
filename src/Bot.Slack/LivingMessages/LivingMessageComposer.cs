using Bot.Core;
using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Reports;
using Bot.Slack.Approvals;
using Bot.Slack.Blocks;
using Bot.Slack.Interactivity;
using Bot.Slack.SlashCommands;
using Bot.Slack.WebApi;

namespace Bot.Slack.LivingMessages;

/// <summary>
/// Renders an investigation as its living message: a header, the five-step checklist, then the
/// root cause, its chain (each link with the evidence it rests on) and the buttons for the fixes on
/// offer. Every sentence comes from a prompt and every piece is cut to Block Kit's limits. Block
/// ids carry the revision, so each update is new.
/// A fix someone already asked for shows who asked instead of its button, so it is not asked twice.
/// </summary>
public sealed class LivingMessageComposer(SlackPrompts prompts)
{
    private readonly TriageReportBuilder _report = new(prompts.Catalog);

    public SlackMessage Compose(
        Investigation investigation, StepName? running, int revision, IReadOnlyList<FixRequest>? requests = null)
    {
        var state = prompts.Render(SlackPrompts.State, ("state", KebabCase.Of(investigation.State)));
        var rootCause = investigation.Conclusion is { } conclusion
            ? SlackText.Escape(prompts.Render(
                PromptKeys.RootCause(conclusion.RootCause.Code), conclusion.RootCause.Facts))
            : null;

        var blocks = new List<Block>
        {
            new HeaderBlock(TextObject.Plain(BlockLimits.Fit(
                prompts.Render(SlackPrompts.MessageHeader, ("input", investigation.Input)), BlockLimits.HeaderText)))
            {
                BlockId = Id("header", revision),
            },
            new ContextBlock([TextObject.Mrkdwn(BlockLimits.Fit(
                prompts.Render(SlackPrompts.MessageContext, ("id", investigation.Id), ("state", state)),
                BlockLimits.SectionText))])
            {
                BlockId = Id("context", revision),
            },
            Section(investigation.Id, "steps", revision, Checklist(investigation, running)),
        };

        if (rootCause is not null)
        {
            blocks.Add(Section(
                investigation.Id, "cause", revision, prompts.Render(SlackPrompts.RootCause, ("summary", rootCause))));
        }

        // The fixes are built first so the chain knows what room they leave; they still come after it.
        var fixes = Fixes(investigation, revision, requests ?? []);
        var room = BlockLimits.BlocksPerMessage - blocks.Count - fixes.Count;
        var textRoom = BlockLimits.MessageTotalText - blocks.Concat(fixes).Sum(TextLength);
        blocks.AddRange(Chain(investigation, revision, room, textRoom));
        blocks.AddRange(fixes);

        var text = prompts.Render(SlackPrompts.MessageText,
            ("input", SlackText.Escape(investigation.Input)), ("state", state), ("rootCause", rootCause));
        return new SlackMessage(BlockLimits.Fit(text, BlockLimits.SectionText), blocks);
    }

    private List<Block> Fixes(Investigation investigation, int revision, IReadOnlyList<FixRequest> requests)
    {
        var blocks = new List<Block>();
        var fixes = investigation.Conclusion?.Fixes ?? [];
        var askedFor = requests.ToDictionary(r => r.FixKind, StringComparer.Ordinal);
        foreach (var fix in fixes)
        {
            var kind = KebabCase.Of(fix.Kind);
            blocks.Add(Section(investigation.Id, $"fix-{kind}", revision, FixLine(fix)));
            if (askedFor.TryGetValue(kind, out var request))
            {
                var who = prompts.Render(SlackPrompts.FixAskedFor, ("by", request.RequestedBy));
                blocks.Add(Context($"asked-{kind}", revision, who));
            }
        }

        var open = fixes
            .Where(f => !askedFor.ContainsKey(KebabCase.Of(f.Kind)))
            .Take(BlockLimits.ActionsElements)
            .ToList();
        if (open.Count > 0)
        {
            blocks.Add(new ActionsBlock([.. open.Select(f => Button(investigation.Id, f))])
            {
                BlockId = Id("fixes", revision),
            });
        }

        return blocks;
    }

    /// <summary>
    /// The root cause's chain, a section per link in the chat's order, each with the evidence the
    /// chat picks for it (<see cref="ReportLink.KeyEvidence"/>). Links that do not fit the blocks or
    /// the text left are counted in a pointer to the stored investigation instead.
    /// </summary>
    private List<Block> Chain(Investigation investigation, int revision, int room, int textRoom)
    {
        var links = CauseChainLinks.Of(_report, investigation);
        if (links.Count == 0)
            return [];

        // Past the room left, one block goes to the pointer; past the text left, the pointer's share is kept.
        var fit = links.Count <= room ? links.Count : room - 1;
        var budget = textRoom - BlockLimits.SectionText;
        var blocks = new List<Block>();
        foreach (var (link, title) in links.Take(Math.Max(0, fit)))
        {
            var section = Section(investigation.Id, $"chain-{blocks.Count}", revision, LinkText(link, title));
            if (TextLength(section) > budget)
                break;

            blocks.Add(section);
            budget -= TextLength(section);
        }

        var left = links.Count - blocks.Count;
        if (left > 0 && room > 0)
        {
            blocks.Add(Context("chain-cut", revision,
                prompts.Render(SlackPrompts.CutChain, ("count", left.ToString()), ("id", investigation.Id))));
        }

        return blocks;
    }

    private string LinkText(ReportLink link, string title)
    {
        // A long answer keeps its lines inside the quote, as the chat indents them under their request.
        var evidence = link.KeyEvidence.Select(e => prompts.Render(SlackPrompts.ChainEvidence,
            ("request", SlackText.Escape(BlockLimits.Fit(e.Request, EvidenceReplyComposer.RequestText))),
            ("answer", SlackText.Escape(e.Answer).Replace("\n", "\n>", StringComparison.Ordinal))));
        return prompts.Render(SlackPrompts.ChainLink,
            ("title", title),
            ("summary", SlackText.Escape(link.Summary)),
            ("evidence", string.Join('\n', evidence)));
    }

    private static int TextLength(Block block) => block switch
    {
        HeaderBlock header => header.Text.Text.Length,
        SectionBlock section => section.Text.Text.Length,
        ContextBlock context => context.Elements.Sum(e => e.Text.Length),
        _ => 0,
    };

    private string Checklist(Investigation investigation, StepName? running)
    {
        var recorded = investigation.Steps.ToDictionary(s => s.Step);
        var lines = Enum.GetValues<StepName>().Select(step =>
        {
            var title = _report.Title(step);
            if (recorded.TryGetValue(step, out var record))
            {
                return prompts.Render(SlackPrompts.StepLine,
                    ("title", title),
                    ("status", KebabCase.Of(record.Status)),
                    ("statusText", prompts.Render(PromptKeys.Status(record.Status))),
                    ("summary", SlackText.Escape(_report.Summarize(record))));
            }

            return prompts.Render(SlackPrompts.StepLine,
                ("title", title), ("status", step == running ? "running" : "pending"));
        });
        return string.Join('\n', lines);
    }

    private string FixLine(OfferedFix fix)
    {
        var preconditions = string.Join(
            " ", fix.Preconditions.Select(p => prompts.Render(PromptKeys.Precondition(p), fix.Facts)));
        return prompts.Render(SlackPrompts.FixLine,
            ("summary", SlackText.Escape(prompts.Render(PromptKeys.Fix(fix.Kind), fix.Facts))),
            ("preconditions", preconditions.Length == 0 ? null : SlackText.Escape(preconditions)));
    }

    private ButtonElement Button(string investigationId, OfferedFix fix)
    {
        var destructive = FixButtons.IsDestructive(fix.Kind);
        var label = BlockLimits.Fit(prompts.Render(SlackPrompts.FixButton(fix.Kind)), BlockLimits.ButtonText);
        return new ButtonElement(TextObject.Plain(label), FixButtons.ActionId(fix.Kind))
        {
            Value = BlockLimits.Fit(FixButtons.Value(investigationId, fix.Kind), BlockLimits.ButtonValue),
            Style = destructive ? "danger" : null,
            Confirm = destructive ? Confirm(fix) : null,
        };
    }

    private ConfirmDialog Confirm(OfferedFix fix)
    {
        var summary = prompts.Render(PromptKeys.Fix(fix.Kind), fix.Facts);
        var warning = prompts.Render(SlackPrompts.ConfirmWarning(fix.Kind), fix.Facts);
        var text = prompts.Render(SlackPrompts.ConfirmText, ("warning", warning), ("summary", summary));
        return new ConfirmDialog(
            TextObject.Plain(BlockLimits.Fit(prompts.Render(SlackPrompts.ConfirmTitle), BlockLimits.ConfirmTitle)),
            TextObject.Plain(BlockLimits.Fit(text, BlockLimits.ConfirmText)),
            TextObject.Plain(BlockLimits.Fit(prompts.Render(SlackPrompts.ConfirmYes), BlockLimits.ConfirmButton)),
            TextObject.Plain(BlockLimits.Fit(prompts.Render(SlackPrompts.ConfirmNo), BlockLimits.ConfirmButton)))
        {
            Style = "danger",
        };
    }

    private static ContextBlock Context(string name, int revision, string text) =>
        new([TextObject.Mrkdwn(BlockLimits.Fit(text, BlockLimits.SectionText))]) { BlockId = Id(name, revision) };

    private SectionBlock Section(string investigationId, string name, int revision, string text) =>
        new(TextObject.Mrkdwn(BlockLimits.FitWithPointer(text, BlockLimits.SectionText,
            count => prompts.CutLinesPointer(investigationId, count))))
        {
            BlockId = Id(name, revision),
        };

    private static string Id(string name, int revision) => BlockLimits.Fit($"{name}-r{revision}", BlockLimits.BlockId);
}

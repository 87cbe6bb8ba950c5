using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Reports;
using Bot.Slack.Blocks;
using Bot.Slack.SlashCommands;
using Bot.Slack.WebApi;

namespace Bot.Slack.LivingMessages;

/// <summary>
/// Renders one step's evidence as a thread reply under the living message. Long answers are cut
/// at a line with a pointer naming the investigation whose stored record keeps them whole; past
/// Slack's block count or <see cref="BlockLimits.MessageTotalText"/> the rest is counted, never
/// sent and refused. <see cref="ComposeShort"/> is the plain form to send when Slack refuses a reply.
/// </summary>
public sealed class EvidenceReplyComposer(SlackPrompts prompts)
{
    /// <summary>How long the short form may be: one section's worth, far inside every limit.</summary>
    public const int ShortFormText = BlockLimits.SectionText;

    /// <summary>How much of a request is shown: enough for any URL or command the steps make.</summary>
    public const int RequestText = 500;

    private readonly TriageReportBuilder _report = new(prompts.Catalog);

    /// <summary>The reply, and whether anything had to be cut to fit.</summary>
    public (SlackMessage Message, bool Cut) Compose(string investigationId, StepRecord record)
    {
        var title = _report.Title(record.Step);
        var statusText = prompts.Render(PromptKeys.Status(record.Status));
        var heading = BlockLimits.Fit(
            prompts.Render(SlackPrompts.EvidenceHeading,
                ("title", title),
                ("statusText", statusText),
                ("summary", SlackText.Escape(_report.Summarize(record)))),
            BlockLimits.SectionText);
        var blocks = new List<Block> { new SectionBlock(TextObject.Mrkdwn(heading)) };

        // One block for the heading and one kept for the "more evidence" pointer; the same for text.
        var room = BlockLimits.BlocksPerMessage - 2;
        var budget = BlockLimits.MessageTotalText - heading.Length - BlockLimits.SectionText;
        var cut = false;
        var shown = 0;
        foreach (var evidence in record.Evidence.Take(room))
        {
            var (text, itemCut) = Item(investigationId, evidence.Request, evidence.Answer);
            if (text.Length > budget)
                break;

            blocks.Add(new SectionBlock(TextObject.Mrkdwn(text)));
            budget -= text.Length;
            cut |= itemCut;
            shown++;
        }

        var left = record.Evidence.Count - shown;
        if (left > 0)
        {
            blocks.Add(new ContextBlock([TextObject.Mrkdwn(BlockLimits.Fit(
                prompts.Render(SlackPrompts.CutEvidence, ("count", left.ToString()), ("id", investigationId)),
                BlockLimits.SectionText))]));
            cut = true;
        }

        var fallback = prompts.Render(SlackPrompts.EvidenceText, ("title", title), ("statusText", statusText));
        return (new SlackMessage(BlockLimits.Fit(fallback, BlockLimits.SectionText), blocks), cut);
    }

    /// <summary>
    /// The same evidence as plain text without blocks, cut at a line to <see cref="ShortFormText"/>
    /// with the pointer to the rest: what is sent when Slack refuses the reply <see cref="Compose"/> made.
    /// </summary>
    public SlackMessage ComposeShort(string investigationId, StepRecord record)
    {
        var items = record.Evidence.Select(e => WholeItem(e.Request, e.Answer));
        var text = prompts.Render(SlackPrompts.EvidencePlain,
            ("title", _report.Title(record.Step)),
            ("statusText", prompts.Render(PromptKeys.Status(record.Status))),
            ("summary", SlackText.Escape(_report.Summarize(record))),
            ("evidence", string.Join('\n', items)));
        return new SlackMessage(
            BlockLimits.FitWithPointer(text, ShortFormText, count => prompts.CutLinesPointer(investigationId, count)));
    }

    /// <summary>
    /// The reply that ends the thread once the investigation concluded: the root cause, then each
    /// link of its chain with its step's evidence whole, cut like a step's reply when it is long.
    /// Null when the root cause has no chain.
    /// </summary>
    public (SlackMessage Message, bool Cut)? ComposeChain(Investigation investigation)
    {
        var links = CauseChainLinks.Of(_report, investigation);
        if (links.Count == 0)
            return null;

        var heading = BlockLimits.Fit(
            prompts.Render(SlackPrompts.ChainEvidenceHeading, ("summary", RootCause(investigation))),
            BlockLimits.SectionText);
        var blocks = new List<Block> { new SectionBlock(TextObject.Mrkdwn(heading)) };

        // As for a step: one block and one section's text kept for the pointer to what is left out.
        var room = BlockLimits.BlocksPerMessage - 1;
        var budget = BlockLimits.MessageTotalText - heading.Length - BlockLimits.SectionText;
        var cut = false;
        var left = links.Sum(l => l.Link.Evidence.Count);
        var full = false;
        foreach (var (link, title) in links)
        {
            // A link's heading goes only with room for at least one piece of its evidence after it.
            var said = BlockLimits.Fit(LinkHeading(link, title), BlockLimits.SectionText);
            if (blocks.Count + 2 > room || said.Length > budget)
                break;

            blocks.Add(new SectionBlock(TextObject.Mrkdwn(said)));
            budget -= said.Length;
            foreach (var evidence in link.Evidence)
            {
                var (text, itemCut) = Item(investigation.Id, evidence.Request, evidence.Answer);
                full = blocks.Count + 1 > room || text.Length > budget;
                if (full)
                    break;

                blocks.Add(new SectionBlock(TextObject.Mrkdwn(text)));
                budget -= text.Length;
                cut |= itemCut;
                left--;
            }

            if (full)
                break;
        }

        if (left > 0)
        {
            blocks.Add(new ContextBlock([TextObject.Mrkdwn(BlockLimits.Fit(
                prompts.Render(SlackPrompts.CutEvidence, ("count", left.ToString()), ("id", investigation.Id)),
                BlockLimits.SectionText))]));
            cut = true;
        }

        var fallback = prompts.Render(SlackPrompts.ChainEvidenceText);
        return (new SlackMessage(BlockLimits.Fit(fallback, BlockLimits.SectionText), blocks), cut);
    }

    /// <summary>The chain's reply as plain text cut to <see cref="ShortFormText"/>, sent if Slack refuses it.</summary>
    public SlackMessage ComposeChainShort(Investigation investigation)
    {
        var lines = CauseChainLinks.Of(_report, investigation).SelectMany(l =>
            l.Link.Evidence.Select(e => WholeItem(e.Request, e.Answer)).Prepend(LinkHeading(l.Link, l.Title)));
        var text = prompts.Render(SlackPrompts.ChainEvidencePlain,
            ("summary", RootCause(investigation)), ("evidence", string.Join('\n', lines)));
        return new SlackMessage(
            BlockLimits.FitWithPointer(text, ShortFormText, count => prompts.CutLinesPointer(investigation.Id, count)));
    }

    private string RootCause(Investigation investigation)
    {
        var cause = investigation.Conclusion!.RootCause;
        return SlackText.Escape(prompts.Render(PromptKeys.RootCause(cause.Code), cause.Facts));
    }

    private string LinkHeading(ReportLink link, string title) =>
        prompts.Render(SlackPrompts.ChainLink, ("title", title), ("summary", SlackText.Escape(link.Summary)));

    /// <summary>One piece of evidence uncut, for the short form, which is cut as a whole.</summary>
    private string WholeItem(string request, string answer) =>
        prompts.Render(SlackPrompts.EvidenceItem,
            ("request", SlackText.Escape(BlockLimits.Fit(request, RequestText))), ("answer", SlackText.Escape(answer)));

    private (string Text, bool Cut) Item(string investigationId, string requestText, string answerText)
    {
        var request = SlackText.Escape(BlockLimits.Fit(requestText, RequestText));
        answerText = SlackText.Escape(answerText);
        var whole = prompts.Render(SlackPrompts.EvidenceItem, ("request", request), ("answer", answerText));
        if (whole.Length <= BlockLimits.SectionText)
            return (whole, false);

        var lines = answerText.Split('\n');
        var pointer = prompts.CutLinesPointer(investigationId, lines.Length);
        var frame = prompts.Render(SlackPrompts.EvidenceItem, ("request", request), ("answer", ""), ("cut", pointer));
        var room = BlockLimits.SectionText - frame.Length - 8;

        var kept = 0;
        var length = 0;
        while (kept < lines.Length && length + lines[kept].Length + 1 <= room)
            length += lines[kept++].Length + 1;

        var answer = kept > 0 ? string.Join('\n', lines, 0, kept) : BlockLimits.Fit(lines[0], Math.Max(1, room));
        pointer = prompts.CutLinesPointer(investigationId, lines.Length - kept);
        var text = prompts.Render(
            SlackPrompts.EvidenceItem, ("request", request), ("answer", answer), ("cut", pointer));
        return (BlockLimits.Fit(text, BlockLimits.SectionText), true);
    }
}

using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Reports;
using Bot.Slack.Blocks;
using Bot.Slack.SlashCommands;
using Bot.Slack.WebApi;

namespace Bot.Slack.LivingMessages;

/// <summary>
/// Renders one step's evidence as a thread reply under the living message. Long answers are cut
/// at a line with a pointer to the report; past Slack's block count the rest is counted, never
/// sent and refused.
/// </summary>
public sealed class EvidenceReplyComposer(SlackPrompts prompts)
{
    private readonly TriageReportBuilder _report = new(prompts.Catalog);

    /// <summary>The reply, and whether anything had to be cut to fit.</summary>
    public (SlackMessage Message, bool Cut) Compose(StepRecord record)
    {
        var title = _report.Title(record.Step);
        var statusText = prompts.Render(PromptKeys.Status(record.Status));
        var blocks = new List<Block>
        {
            new SectionBlock(TextObject.Mrkdwn(BlockLimits.Fit(
                prompts.Render(SlackPrompts.EvidenceHeading,
                    ("title", title),
                    ("statusText", statusText),
                    ("summary", SlackText.Escape(_report.Summarize(record)))),
                BlockLimits.SectionText))),
        };

        // One block for the heading and one kept for the "more evidence" pointer.
        var room = BlockLimits.BlocksPerMessage - 2;
        var cut = false;
        foreach (var evidence in record.Evidence.Take(room))
        {
            var (text, itemCut) = Item(evidence);
            blocks.Add(new SectionBlock(TextObject.Mrkdwn(text)));
            cut |= itemCut;
        }

        var left = record.Evidence.Count - room;
        if (left > 0)
        {
            blocks.Add(new ContextBlock([TextObject.Mrkdwn(
                prompts.Render(SlackPrompts.CutEvidence, ("count", left.ToString())))]));
            cut = true;
        }

        var fallback = prompts.Render(SlackPrompts.EvidenceText, ("title", title), ("statusText", statusText));
        return (new SlackMessage(BlockLimits.Fit(fallback, BlockLimits.SectionText), blocks), cut);
    }

    private (string Text, bool Cut) Item(Evidence evidence)
    {
        var request = SlackText.Escape(BlockLimits.Fit(evidence.Request, 500));
        var answerText = SlackText.Escape(evidence.Answer);
        var whole = prompts.Render(SlackPrompts.EvidenceItem, ("request", request), ("answer", answerText));
        if (whole.Length <= BlockLimits.SectionText)
            return (whole, false);

        var lines = answerText.Split('\n');
        var pointer = prompts.Render(SlackPrompts.CutLines, ("count", lines.Length.ToString()));
        var frame = prompts.Render(SlackPrompts.EvidenceItem, ("request", request), ("answer", ""), ("cut", pointer));
        var room = BlockLimits.SectionText - frame.Length - 8;

        var kept = 0;
        var length = 0;
        while (kept < lines.Length && length + lines[kept].Length + 1 <= room)
            length += lines[kept++].Length + 1;

        var answer = kept > 0 ? string.Join('\n', lines, 0, kept) : BlockLimits.Fit(lines[0], Math.Max(1, room));
        pointer = prompts.Render(SlackPrompts.CutLines, ("count", (lines.Length - kept).ToString()));
        var text = prompts.Render(
            SlackPrompts.EvidenceItem, ("request", request), ("answer", answer), ("cut", pointer));
        return (BlockLimits.Fit(text, BlockLimits.SectionText), true);
    }
}

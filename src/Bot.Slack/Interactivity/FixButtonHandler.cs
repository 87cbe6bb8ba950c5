using System.Diagnostics.CodeAnalysis;
using Bot.Core;
using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Slack.Approvals;
using Bot.Slack.Clicks;
using Bot.Slack.Inbound;
using Bot.Slack.LivingMessages;
using Bot.Slack.SlashCommands;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Interactivity;

/// <summary>
/// A click on the button of one fix kind (<c>action_id</c> <c>fix:&lt;kind&gt;</c>). Non-approvers
/// are refused privately. An approver's click is checked against the stored investigation and
/// recorded once; the answer says plainly that running fixes is not built yet.
/// </summary>
public sealed class FixButtonHandler(
    FixKind kind,
    ApproverPolicy approvers,
    IInvestigationStore investigations,
    FixRequestStore requests,
    PrivateResponder responder,
    LivingMessageObserver livingMessages,
    SlackPrompts prompts,
    ILogger<FixButtonHandler> logger) : IBlockActionHandler
{
    public FixKind Kind => kind;

    public string ActionId => FixButtons.ActionId(kind);

    public async Task HandleAsync(Click click, CancellationToken cancellationToken)
    {
        var user = click.UserId;
        var kindName = KebabCase.Of(kind);
        if (!TryTarget(click, out var investigationId))
        {
            SlackLog.UnknownButtonTarget(logger, click.ActionId);
            await ReplyAsync(click, SlackPrompts.UnknownInvestigation, cancellationToken);
            return;
        }

        bool allowed;
        try
        {
            allowed = await approvers.IsApproverAsync(user, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            SlackLog.ApproversUnavailable(logger, user, ex.Error);
            await ReplyAsync(click, SlackPrompts.ApproversUnavailable, cancellationToken);
            return;
        }

        if (!allowed)
        {
            SlackLog.NotAnApprover(logger, kindName, investigationId, user);
            await ReplyAsync(click, SlackPrompts.NotAnApprover, cancellationToken);
            return;
        }

        var snapshot = await investigations.FindAsync(investigationId, cancellationToken);
        if (snapshot is null)
        {
            SlackLog.UnknownButtonTarget(logger, click.ActionId);
            await ReplyAsync(click, SlackPrompts.UnknownInvestigation, cancellationToken);
            return;
        }

        var fix = snapshot.Conclusion?.Fixes.FirstOrDefault(f => f.Kind == kind);
        if (fix is null)
        {
            await ReplyAsync(click, SlackPrompts.FixNotOffered, cancellationToken, ("id", investigationId));
            return;
        }

        var (request, isNew) = await requests.RecordAsync(investigationId, kindName, user, cancellationToken);
        if (isNew)
        {
            SlackLog.FixRequested(logger, kindName, investigationId, user);

            // Replace the button with who asked, so a second click (or a second approver) sees it taken.
            await livingMessages.RefreshAsync(investigationId, cancellationToken);
        }

        await ReplyAsync(click, SlackPrompts.FixRecorded, cancellationToken,
            ("summary", SlackText.Escape(prompts.Render(PromptKeys.Fix(kind), fix.Facts))),
            ("already", isNew ? null : "true"),
            ("by", isNew ? null : request.RequestedBy));
    }

    /// <summary>
    /// The button is on the living message while its investigation offers the fix and nobody has
    /// asked for it yet; once asked for, the message shows who asked instead.
    /// </summary>
    public async Task<bool> IsStillOfferedAsync(Click click, CancellationToken cancellationToken)
    {
        if (!TryTarget(click, out var investigationId))
            return false;

        var snapshot = await investigations.FindAsync(investigationId, cancellationToken);
        if (snapshot?.Conclusion?.Fixes.Any(f => f.Kind == kind) != true)
            return false;

        var asked = await requests.ListAsync(investigationId, cancellationToken);
        return asked.All(r => r.FixKind != KebabCase.Of(kind));
    }

    /// <summary>The investigation a click on this kind's button names; another kind's value names none.</summary>
    private bool TryTarget(Click click, [NotNullWhen(true)] out string? investigationId) =>
        FixButtons.TryParseValue(click.Value, out investigationId, out var valueKind) && valueKind == kind;

    private Task ReplyAsync(
        Click click,
        string key,
        CancellationToken cancellationToken,
        params (string, string?)[] facts) =>
        responder.ReplyAsync(click, new SlackReply(prompts.Render(key, facts)), cancellationToken);
}

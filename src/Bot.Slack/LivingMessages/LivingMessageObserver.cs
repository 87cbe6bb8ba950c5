using Bot.Core;
using Bot.Core.Investigations;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.LivingMessages;

/// <summary>
/// Keeps one Slack message per investigation in the configured channel: posted when the first
/// step starts, rewritten in place as each step finishes and at the conclusion, with each step's
/// evidence as a reply in its thread. Every call brings the message up to date with the whole
/// investigation, so an investigation resumed after a restart picks up the same message (the
/// mapping is in SQLite) and posts whatever evidence the old process did not get to.
/// </summary>
public sealed class LivingMessageObserver(
    SlackApiClient slack,
    LivingMessageStore store,
    LivingMessageComposer composer,
    EvidenceReplyComposer evidence,
    IOptionsMonitor<SlackOptions> options,
    ILogger<LivingMessageObserver> logger) : IInvestigationObserver
{
    /// <summary>Errors that mean the message can no longer be edited, so a new one is posted.</summary>
    private static readonly HashSet<string> Gone = new(
        ["message_not_found", "cant_update_message", "channel_not_found", "is_archived"], StringComparer.Ordinal);

    public Task StepStartedAsync(Investigation investigation, StepName step, CancellationToken cancellationToken) =>
        SyncAsync(investigation, step, updateExisting: false, cancellationToken);

    public Task StepRecordedAsync(
        Investigation investigation, StepRecord record, CancellationToken cancellationToken) =>
        SyncAsync(investigation, running: null, updateExisting: true, cancellationToken);

    public Task ConcludedAsync(Investigation investigation, CancellationToken cancellationToken) =>
        SyncAsync(investigation, running: null, updateExisting: true, cancellationToken);

    private async Task SyncAsync(
        Investigation investigation, StepName? running, bool updateExisting, CancellationToken cancellationToken)
    {
        var message = await store.FindAsync(investigation.Id, cancellationToken);
        if (message is null)
        {
            message = await PostAsync(investigation, running, cancellationToken);
        }
        else if (updateExisting)
        {
            message = await UpdateOrRepostAsync(investigation, message, running, cancellationToken);
        }

        await PostMissingEvidenceAsync(investigation, message, cancellationToken);
    }

    private async Task<LivingMessage> UpdateOrRepostAsync(
        Investigation investigation, LivingMessage message, StepName? running, CancellationToken cancellationToken)
    {
        // A fresh revision gives every block a new id, as Slack asks of an edited message.
        var next = message with { Revision = message.Revision + 1 };
        try
        {
            var content = composer.Compose(investigation, running, next.Revision);
            await slack.UpdateMessageAsync(next.Channel, next.Ts, content, cancellationToken);
        }
        catch (SlackApiException ex) when (Gone.Contains(ex.Error))
        {
            // Someone deleted the message (or the channel went away): start a new one, with its
            // own thread of evidence, rather than failing every later update the same way.
            SlackLog.LivingMessageGone(logger, investigation.Id, ex.Error);
            await store.ForgetAsync(investigation.Id, cancellationToken);
            return await PostAsync(investigation, running, cancellationToken);
        }

        await store.SetRevisionAsync(next.InvestigationId, next.Revision, cancellationToken);
        SlackLog.LivingMessageUpdated(logger, investigation.Id, next.Revision);
        return next;
    }

    private async Task<LivingMessage> PostAsync(
        Investigation investigation, StepName? running, CancellationToken cancellationToken)
    {
        var channel = options.CurrentValue.Channel;
        var posted = await slack.PostMessageAsync(
            channel, composer.Compose(investigation, running, revision: 0), threadTs: null, cancellationToken);

        var message = new LivingMessage(investigation.Id, posted.Channel, posted.Ts, Revision: 0);
        await store.AddAsync(message, cancellationToken);
        SlackLog.LivingMessagePosted(logger, investigation.Id, posted.Channel, posted.Ts);
        return message;
    }

    private async Task PostMissingEvidenceAsync(
        Investigation investigation, LivingMessage message, CancellationToken cancellationToken)
    {
        var done = await store.StepsWithEvidenceAsync(investigation.Id, cancellationToken);
        foreach (var record in investigation.Steps.Where(r => r.Evidence.Count > 0))
        {
            var step = KebabCase.Of(record.Step);
            if (done.Contains(step))
                continue;

            var (reply, cut) = evidence.Compose(record);
            if (cut)
                SlackLog.EvidenceCut(logger, investigation.Id, step);

            var posted = await slack.PostMessageAsync(message.Channel, reply, message.Ts, cancellationToken);
            await store.AddEvidenceReplyAsync(investigation.Id, step, posted.Ts, cancellationToken);
        }
    }
}

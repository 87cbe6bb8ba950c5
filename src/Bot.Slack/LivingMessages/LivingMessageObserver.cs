using Bot.Core;
using Bot.Core.Investigations;
using Bot.Slack.Approvals;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.LivingMessages;

/// <summary>
/// Keeps one Slack message per investigation in the configured channel: posted when the first
/// step starts, rewritten in place as each step finishes and at the conclusion, with each step's
/// evidence as a reply in its thread and, last, the root cause's chain with its evidence. Every
/// call brings the message up to date with the whole investigation, so an investigation resumed
/// after a restart picks up the same message (the mapping is in SQLite) and posts whatever
/// evidence the old process did not get to. Edits are serialized, so a click's refresh and the
/// runner never write two versions with the same ids.
/// </summary>
public sealed class LivingMessageObserver(
    SlackApiClient slack,
    LivingMessageStore store,
    LivingMessageComposer composer,
    EvidenceReplyComposer evidence,
    FixRequestStore fixRequests,
    IInvestigationStore investigations,
    IOptionsMonitor<SlackOptions> options,
    ILogger<LivingMessageObserver> logger) : IInvestigationObserver, IDisposable
{
    /// <summary>Where the chain's reply is recorded among the steps' replies; no step has this name.</summary>
    private const string ChainReply = "chain";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task StepStartedAsync(Investigation investigation, StepName step, CancellationToken cancellationToken) =>
        SyncAsync(investigation, step, updateExisting: false, cancellationToken);

    public Task StepRecordedAsync(
        Investigation investigation, StepRecord record, CancellationToken cancellationToken) =>
        SyncAsync(investigation, running: null, updateExisting: true, cancellationToken);

    public Task ConcludedAsync(Investigation investigation, CancellationToken cancellationToken) =>
        SyncAsync(investigation, running: null, updateExisting: true, cancellationToken);

    /// <summary>Rewrites an investigation's message from what is stored, e.g. after a fix was asked for.</summary>
    public async Task RefreshAsync(string investigationId, CancellationToken cancellationToken)
    {
        var snapshot = await investigations.FindAsync(investigationId, cancellationToken);
        if (snapshot is not null)
            await SyncAsync(Investigation.Restore(snapshot), running: null, updateExisting: true, cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    private async Task SyncAsync(
        Investigation investigation, StepName? running, bool updateExisting, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SyncLockedAsync(investigation, running, updateExisting, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SyncLockedAsync(
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
            var content = await ComposeAsync(investigation, running, next.Revision, cancellationToken);
            await slack.UpdateMessageAsync(next.Channel, next.Ts, content, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Kind == SlackErrorKind.ChannelOrMessageGone)
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
        var content = await ComposeAsync(investigation, running, revision: 0, cancellationToken);
        var posted = await slack.PostMessageAsync(channel, content, threadTs: null, cancellationToken);

        var message = new LivingMessage(investigation.Id, posted.Channel, posted.Ts, Revision: 0);
        await store.AddAsync(message, cancellationToken);
        SlackLog.LivingMessagePosted(logger, investigation.Id, posted.Channel, posted.Ts);
        return message;
    }

    private async Task<SlackMessage> ComposeAsync(
        Investigation investigation, StepName? running, int revision, CancellationToken cancellationToken)
    {
        var requests = investigation.Conclusion is null
            ? []
            : await fixRequests.ListAsync(investigation.Id, cancellationToken);
        return composer.Compose(investigation, running, revision, requests);
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

            // A reply Slack refuses in every form is recorded all the same: sending it again on the
            // next sync would be refused again, and it must not hold back the steps after it.
            var ts = await PostEvidenceAsync(
                investigation.Id, step, message, () => evidence.Compose(investigation.Id, record),
                () => evidence.ComposeShort(investigation.Id, record), cancellationToken);
            await store.AddEvidenceReplyAsync(
                investigation.Id, step, ts ?? LivingMessageStore.NoReply, cancellationToken);
        }

        // The thread ends with the chain's evidence, once the steps' own replies are all in.
        if (done.Contains(ChainReply) || evidence.ComposeChain(investigation) is not { } chain)
            return;

        var chainTs = await PostEvidenceAsync(
            investigation.Id, ChainReply, message, () => chain,
            () => evidence.ComposeChainShort(investigation), cancellationToken);
        await store.AddEvidenceReplyAsync(
            investigation.Id, ChainReply, chainTs ?? LivingMessageStore.NoReply, cancellationToken);
    }

    /// <summary>
    /// Posts a step's (or the chain's) evidence in the thread; when Slack refuses what was sent (its
    /// blocks, its length), posts the short plain form instead. Returns the reply's ts, or null
    /// when both were refused.
    /// </summary>
    private async Task<string?> PostEvidenceAsync(
        string investigationId, string step, LivingMessage message, Func<(SlackMessage, bool)> compose,
        Func<SlackMessage> composeShort, CancellationToken cancellationToken)
    {
        var (reply, cut) = compose();
        if (cut)
            SlackLog.EvidenceCut(logger, investigationId, step);

        try
        {
            return (await slack.PostMessageAsync(message.Channel, reply, message.Ts, cancellationToken)).Ts;
        }
        catch (SlackApiException ex) when (ex.Kind == SlackErrorKind.Payload)
        {
            SlackLog.EvidenceRefused(logger, investigationId, step, ex.Error);
        }

        try
        {
            var shortForm = composeShort();
            return (await slack.PostMessageAsync(message.Channel, shortForm, message.Ts, cancellationToken)).Ts;
        }
        catch (SlackApiException ex) when (ex.Kind == SlackErrorKind.Payload)
        {
            SlackLog.EvidenceGivenUp(logger, investigationId, step, ex.Error);
            return null;
        }
    }
}

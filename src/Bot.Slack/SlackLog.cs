using Bot.Slack.Signing;
using Microsoft.Extensions.Logging;

namespace Bot.Slack;

/// <summary>
/// The Slack adapter's log lines, event ids 6000–6099. Identifiers only: never a token, a
/// secret, a request body or the text of a message.
/// </summary>
internal static partial class SlackLog
{
    [LoggerMessage(6000, LogLevel.Warning, "Refused a Slack request to {Path}: signature {Verdict}")]
    public static partial void SignatureRefused(ILogger logger, string path, SignatureVerdict verdict);

    [LoggerMessage(6001, LogLevel.Warning, "Refused a Slack request to {Path}: body over {LimitBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string path, int limitBytes);

    [LoggerMessage(6002, LogLevel.Warning, "Refused a Slack request to {Path}: {Problem}")]
    public static partial void MalformedRequest(ILogger logger, string path, string problem);

    [LoggerMessage(6003, LogLevel.Information, "Slash command {Command} from {UserId} in {ChannelId} via {Transport}")]
    public static partial void CommandReceived(
        ILogger logger, string command, string userId, string channelId, string transport);

    [LoggerMessage(6004, LogLevel.Information, "Action {ActionId} from {UserId} via {Transport}")]
    public static partial void ActionReceived(ILogger logger, string actionId, string userId, string transport);

    [LoggerMessage(6005, LogLevel.Warning, "No handler for {Kind} {Key}; acknowledged and ignored")]
    public static partial void NoHandler(ILogger logger, string kind, string key);

    [LoggerMessage(6006, LogLevel.Debug, "Duplicate delivery {DeliveryId} acknowledged and ignored")]
    public static partial void DuplicateDelivery(ILogger logger, string deliveryId);

    [LoggerMessage(6007, LogLevel.Information, "Answered ssl_check")]
    public static partial void SslCheck(ILogger logger);

    [LoggerMessage(6010, LogLevel.Warning, "Slack Web API {Method} failed: {Error}")]
    public static partial void ApiFailed(ILogger logger, string method, string error);

    [LoggerMessage(6011, LogLevel.Warning, "Slack Web API {Method} rate-limited; retry {Attempt} in {DelayMs} ms")]
    public static partial void RateLimited(ILogger logger, string method, int attempt, long delayMs);

    [LoggerMessage(6012, LogLevel.Warning, "Slack Web API {Method} warned: {Warning}")]
    public static partial void ApiWarning(ILogger logger, string method, string warning);

    [LoggerMessage(6013, LogLevel.Warning, "Refused to call a response_url outside hooks.slack.com (host {Host})")]
    public static partial void ResponseUrlRefused(ILogger logger, string host);

    [LoggerMessage(6014, LogLevel.Warning, "response_url answered HTTP {Status}")]
    public static partial void ResponseUrlFailed(ILogger logger, int status);

    [LoggerMessage(6020, LogLevel.Information, "Living message for {InvestigationId} posted in {Channel} at {Ts}")]
    public static partial void LivingMessagePosted(ILogger logger, string investigationId, string channel, string ts);

    [LoggerMessage(6021, LogLevel.Debug, "Living message for {InvestigationId} updated to revision {Revision}")]
    public static partial void LivingMessageUpdated(ILogger logger, string investigationId, int revision);

    [LoggerMessage(6023, LogLevel.Warning,
        "Living message for {InvestigationId} cannot be edited ({Error}); posting a new one")]
    public static partial void LivingMessageGone(ILogger logger, string investigationId, string error);

    [LoggerMessage(6022, LogLevel.Warning, "Evidence of {InvestigationId} step {Step} was cut to fit Slack's limits")]
    public static partial void EvidenceCut(ILogger logger, string investigationId, string step);

    [LoggerMessage(6028, LogLevel.Warning,
        "Slack refused the evidence reply of {InvestigationId} step {Step} ({Error}); sending the short form")]
    public static partial void EvidenceRefused(ILogger logger, string investigationId, string step, string error);

    [LoggerMessage(6029, LogLevel.Error,
        "Slack refused even the short evidence reply of {InvestigationId} step {Step} ({Error}); skipped it")]
    public static partial void EvidenceGivenUp(ILogger logger, string investigationId, string step, string error);

    [LoggerMessage(6030, LogLevel.Information, "Fix {FixKind} for {InvestigationId} requested by {UserId}")]
    public static partial void FixRequested(ILogger logger, string fixKind, string investigationId, string userId);

    [LoggerMessage(6031, LogLevel.Warning, "Fix {FixKind} for {InvestigationId} refused: {UserId} is not an approver")]
    public static partial void NotAnApprover(ILogger logger, string fixKind, string investigationId, string userId);

    [LoggerMessage(6033, LogLevel.Warning,
        "Approver group {Group} could not be read ({Error}); using the last members read")]
    public static partial void ApproverGroupStale(ILogger logger, string group, string error);

    [LoggerMessage(6034, LogLevel.Warning, "Approvers could not be checked for {UserId} ({Error}); nothing recorded")]
    public static partial void ApproversUnavailable(ILogger logger, string userId, string error);

    [LoggerMessage(6032, LogLevel.Warning, "Button value {ActionId} did not name a known investigation")]
    public static partial void UnknownButtonTarget(ILogger logger, string actionId);

    [LoggerMessage(6040, LogLevel.Error, "Background Slack work {Work} failed")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string work);

    [LoggerMessage(6041, LogLevel.Warning, "Background Slack work queue is full; dropped {Work}")]
    public static partial void WorkDropped(ILogger logger, string work);

    [LoggerMessage(6043, LogLevel.Warning,
        "Click inbox full ({Capacity} waiting); turned away {ActionId} from {UserId}")]
    public static partial void ClickInboxFull(ILogger logger, int capacity, string actionId, string userId);

    [LoggerMessage(6044, LogLevel.Error, "Click {ActionId} from {UserId} could not be stored; turned away")]
    public static partial void ClickNotStored(ILogger logger, Exception exception, string actionId, string userId);

    [LoggerMessage(6049, LogLevel.Warning, "Click {ActionId} from {UserId} could not be stored in time for its ack")]
    public static partial void ClickStoreBusy(ILogger logger, string actionId, string userId);

    [LoggerMessage(6045, LogLevel.Warning,
        "Click {ActionId} from {UserId} waited {AgeMinutes} min, past its response_url; expired, not acted on")]
    public static partial void ClickExpired(ILogger logger, string actionId, string userId, long ageMinutes);

    [LoggerMessage(6042, LogLevel.Information, "Told {UserId} privately that click {ActionId} came too late")]
    public static partial void LateClickTold(ILogger logger, string actionId, string userId);

    [LoggerMessage(6057, LogLevel.Information,
        "Click {ActionId} from {UserId} came too late and its button is no longer offered; nothing said")]
    public static partial void LateClickNoLongerOffered(ILogger logger, string actionId, string userId);

    [LoggerMessage(6058, LogLevel.Warning, "Could not tell {UserId} that click {ActionId} came too late")]
    public static partial void LateClickNotTold(ILogger logger, Exception exception, string actionId, string userId);

    [LoggerMessage(6046, LogLevel.Error,
        "Click {ActionId} from {UserId} failed on attempt {Attempt} (given up: {GaveUp})")]
    public static partial void ClickFailed(
        ILogger logger, Exception exception, string actionId, string userId, int attempt, bool gaveUp);

    [LoggerMessage(6047, LogLevel.Information,
        "Resuming {Count} clicks an earlier process acknowledged but did not finish")]
    public static partial void ClickInboxResumed(ILogger logger, int count);

    [LoggerMessage(6048, LogLevel.Error, "Click inbox could not be read; looking again shortly")]
    public static partial void ClickInboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(6056, LogLevel.Error,
        "Socket Mode envelope {EnvelopeId} failed; not acknowledged, so Slack's redelivery is handled afresh")]
    public static partial void EnvelopeFailed(ILogger logger, Exception exception, string envelopeId);

    [LoggerMessage(6050, LogLevel.Information, "Socket Mode connected ({Connections} connections open)")]
    public static partial void SocketConnected(ILogger logger, int connections);

    [LoggerMessage(6051, LogLevel.Information, "Socket Mode asked to disconnect: {Reason}")]
    public static partial void SocketDisconnectRequested(ILogger logger, string reason);

    [LoggerMessage(6052, LogLevel.Warning, "Socket Mode connection lost; reconnecting in {DelayMs} ms")]
    public static partial void SocketLost(ILogger logger, long delayMs);

    [LoggerMessage(6055, LogLevel.Warning, "Socket Mode connection failed")]
    public static partial void SocketFailed(ILogger logger, Exception exception);

    [LoggerMessage(6053, LogLevel.Error, "Socket Mode was disabled for this app; stopped")]
    public static partial void SocketLinkDisabled(ILogger logger);

    [LoggerMessage(6054, LogLevel.Warning, "Socket Mode frame could not be read: {Problem}")]
    public static partial void SocketFrameUnreadable(ILogger logger, string problem);

    [LoggerMessage(6009, LogLevel.Warning, "Launch for {UserId} took over {BudgetMs} ms; acknowledged first")]
    public static partial void LaunchSlow(ILogger logger, string userId, long budgetMs);

    [LoggerMessage(6008, LogLevel.Error, "Could not launch a triage asked for by {UserId}")]
    public static partial void LaunchFailed(ILogger logger, Exception exception, string userId);
}

using System.Globalization;
using Bot.Core;
using Bot.Core.Diagnosis;
using Bot.Core.Prompts;
using Bot.Slack.Interactivity;

namespace Bot.Slack;

/// <summary>
/// The sentences the Slack adapter says, each a template under <c>prompts/slack/</c>. The host
/// adds <see cref="Keys"/> to <see cref="PromptCatalog.Load"/>'s required keys, so a missing or
/// stray template fails start-up instead of a message.
/// </summary>
public sealed class SlackPrompts(PromptCatalog catalog)
{
    public const string Help = "slack/help";
    public const string BadArguments = "slack/bad-arguments";
    public const string TriageAccepted = "slack/triage-accepted";
    public const string TriageWorking = "slack/triage-working";
    public const string LaunchFailed = "slack/launch-failed";
    public const string UnknownCommand = "slack/unknown-command";
    public const string MessageText = "slack/message-text";
    public const string MessageHeader = "slack/message-header";
    public const string MessageContext = "slack/message-context";
    public const string State = "slack/state";
    public const string StepLine = "slack/step-line";
    public const string RootCause = "slack/root-cause";
    public const string ChainLink = "slack/chain-link";
    public const string ChainEvidence = "slack/chain-evidence";
    public const string CutChain = "slack/cut-chain";
    public const string ChainEvidenceHeading = "slack/chain-evidence-heading";
    public const string ChainEvidenceText = "slack/chain-evidence-text";
    public const string ChainEvidencePlain = "slack/chain-evidence-plain";
    public const string FixLine = "slack/fix-line";
    public const string ConfirmTitle = "slack/confirm-title";
    public const string ConfirmText = "slack/confirm-text";
    public const string ConfirmYes = "slack/confirm-yes";
    public const string ConfirmNo = "slack/confirm-no";
    public const string EvidenceText = "slack/evidence-text";
    public const string EvidenceHeading = "slack/evidence-heading";
    public const string EvidenceItem = "slack/evidence-item";
    public const string EvidencePlain = "slack/evidence-plain";
    public const string CutLines = "slack/cut-lines";
    public const string CutEvidence = "slack/cut-evidence";
    public const string NotAnApprover = "slack/not-an-approver";
    public const string ApproversUnavailable = "slack/approvers-unavailable";
    public const string FixRecorded = "slack/fix-recorded";
    public const string FixAskedFor = "slack/fix-asked-for";
    public const string UnknownInvestigation = "slack/unknown-investigation";
    public const string FixNotOffered = "slack/fix-not-offered";
    public const string ClickBusy = "slack/click-busy";
    public const string ClickTooLate = "slack/click-too-late";

    /// <summary>The label of the button that asks for a fix of this kind (at most 75 characters).</summary>
    public static string FixButton(FixKind kind) => $"slack/fix-buttons/{KebabCase.Of(kind)}";

    /// <summary>What cannot be undone once a fix of this kind runs, said first in its confirm dialog.</summary>
    public static string ConfirmWarning(FixKind kind) => $"slack/confirm-warnings/{KebabCase.Of(kind)}";

    /// <summary>Every key the adapter renders; pass them to <see cref="PromptCatalog.Load"/>.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        Help, BadArguments, TriageAccepted, TriageWorking, LaunchFailed, UnknownCommand,
        MessageText, MessageHeader, MessageContext, State, StepLine, RootCause, ChainLink, ChainEvidence, CutChain,
        FixLine,
        ConfirmTitle, ConfirmText, ConfirmYes, ConfirmNo,
        EvidenceText, EvidenceHeading, EvidenceItem, EvidencePlain, CutLines, CutEvidence,
        ChainEvidenceHeading, ChainEvidenceText, ChainEvidencePlain,
        NotAnApprover, ApproversUnavailable, FixRecorded, FixAskedFor, UnknownInvestigation, FixNotOffered,
        ClickBusy, ClickTooLate,
        .. Enum.GetValues<FixKind>().Select(FixButton),
        .. FixButtons.DestructiveKinds.Select(ConfirmWarning),
    ];

    public PromptCatalog Catalog => catalog;

    public string Render(string key, params (string Name, string? Value)[] facts) =>
        catalog.Render(key, facts.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!));

    public string Render(string key, IReadOnlyDictionary<string, string> facts) => catalog.Render(key, facts);

    /// <summary>The pointer put where lines were cut: how many, and the investigation that keeps them.</summary>
    public string CutLinesPointer(string investigationId, int count) =>
        Render(CutLines, ("count", count.ToString(CultureInfo.InvariantCulture)), ("id", investigationId));
}

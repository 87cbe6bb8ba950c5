namespace Bot.Core.Triage;

/// <summary>Someone or something asked for a triage.</summary>
/// <param name="Input">The run link or image reference, as typed or sent.</param>
/// <param name="RequestedBy">Who asked: a Slack user id, a terminal user, a webhook delivery id.</param>
/// <param name="Source">Where the request came from: <c>terminal</c>, <c>slack</c>, <c>github-webhook</c>.</param>
public sealed record TriageRequest(string Input, string RequestedBy, string Source);

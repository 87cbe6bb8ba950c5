using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>One link of a cause chain: what the step found, worded by <c>prompts/chain/{Code}</c>.</summary>
public sealed record CauseLink(string Code, StepName Step, IReadOnlyDictionary<string, string> Facts);

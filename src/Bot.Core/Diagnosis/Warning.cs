namespace Bot.Core.Diagnosis;

/// <summary>Something wrong that is not the cause of this failure, worded by <c>prompts/warnings/{Code}</c>.</summary>
public sealed record Warning(string Code, IReadOnlyDictionary<string, string> Facts);

namespace Bot.Registry.Http;

/// <summary>
/// A registry answer that went wrong, as data: the problem class (a
/// <see cref="Bot.Core.Investigations.RegistryProblems"/> constant) and the salient part of the answer.
/// </summary>
public sealed record RegistryFailure(string Problem, string Answer, TimeSpan? RetryAfter = null);

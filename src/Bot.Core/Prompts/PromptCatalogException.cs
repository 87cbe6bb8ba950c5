namespace Bot.Core.Prompts;

/// <summary>The prompt folder cannot be used: a template is missing, unknown, or does not parse.</summary>
public sealed class PromptCatalogException(string message) : Exception(message);

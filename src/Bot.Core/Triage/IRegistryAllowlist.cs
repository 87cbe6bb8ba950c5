namespace Bot.Core.Triage;

/// <summary>
/// Says whether a registry, named as a person or a CI log names it, is one the bot may contact.
/// Implemented by the registry adapter from its configured endpoints.
/// </summary>
public interface IRegistryAllowlist
{
    bool Allows(string registry);
}

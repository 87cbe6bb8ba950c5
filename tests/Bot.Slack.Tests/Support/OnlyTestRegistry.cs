using Bot.Core.Triage;

namespace Bot.Slack.Tests.Support;

/// <summary>Allows the one registry the Slack tests triage, <c>registry.internal:5000</c>.</summary>
internal sealed class OnlyTestRegistry : IRegistryAllowlist
{
    public bool Allows(string registry) => registry == "registry.internal:5000";
}

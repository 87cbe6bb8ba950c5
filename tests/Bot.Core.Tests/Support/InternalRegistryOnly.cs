using System.Diagnostics.CodeAnalysis;
using Bot.Core.Targets;
using Bot.Core.Triage;

namespace Bot.Core.Tests.Support;

/// <summary>Follows no run link and allows only the lab's registry, for tests that launch by image reference.</summary>
internal sealed class InternalRegistryOnly : IRunLinkParser, IRegistryAllowlist
{
    public static TargetParser Parser()
    {
        var both = new InternalRegistryOnly();
        return new TargetParser(both, both);
    }

    public bool TryParse(
        string input, [NotNullWhen(true)] out RunLink? link, [NotNullWhen(false)] out string? rejection)
    {
        link = null;
        rejection = "host-not-allowed";
        return false;
    }

    public bool Allows(string registry) => registry == "registry.internal:5000";
}

using System.Diagnostics.CodeAnalysis;
using Bot.Core.Targets;

namespace Bot.Core.Triage;

/// <summary>
/// Tells a run link from an image reference and parses either; anything else is refused with a
/// reason. A reference to a registry off the allowlist is refused here, before an investigation
/// exists, so a typo never opens a walk that can only end inconclusive.
/// </summary>
public sealed class TargetParser(IRunLinkParser runLinks, IRegistryAllowlist registries)
{
    public const int MaxInputLength = 2048;

    public bool TryParse(
        string? input, [NotNullWhen(true)] out TriageTarget? target, [NotNullWhen(false)] out string? rejection)
    {
        target = null;
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            rejection = "empty";
            return false;
        }

        if (text.Length > MaxInputLength)
        {
            rejection = "too-long";
            return false;
        }

        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!runLinks.TryParse(text, out var link, out rejection))
                return false;

            target = TriageTarget.ForRun(text, link);
            return true;
        }

        if (ImageReference.TryParse(text, out var reference))
        {
            if (!registries.Allows(reference.Registry))
            {
                rejection = "registry-not-allowed";
                return false;
            }

            target = TriageTarget.ForImage(text, reference);
            rejection = null;
            return true;
        }

        rejection = "not-a-link-or-reference";
        return false;
    }
}

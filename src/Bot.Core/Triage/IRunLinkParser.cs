using System.Diagnostics.CodeAnalysis;
using Bot.Core.Targets;

namespace Bot.Core.Triage;

/// <summary>
/// Reads CI run links, enforcing the allowlist of CI hosts and repositories. Implemented by the CI adapter.
/// </summary>
public interface IRunLinkParser
{
    bool TryParse(string input, [NotNullWhen(true)] out RunLink? link, [NotNullWhen(false)] out string? rejection);
}

using System.Diagnostics.CodeAnalysis;
using Bot.Core.Targets;
using Bot.Core.Triage;

namespace Bot.Slack.Tests.Support;

/// <summary>Refuses every run link; the tests triage image references.</summary>
internal sealed class NoRunLinks : IRunLinkParser
{
    public bool TryParse(string input, [NotNullWhen(true)] out RunLink? link,
        [NotNullWhen(false)] out string? rejection)
    {
        link = null;
        rejection = "not-a-link-or-reference";
        return false;
    }
}

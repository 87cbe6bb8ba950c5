using System.Diagnostics.CodeAnalysis;
using Bot.Core;
using Bot.Core.Targets;
using Bot.Core.Triage;

namespace Bot.GitHub.Links;

/// <summary>
/// The triage core's door for run links: GitHub's parser and allowlist, with each refusal turned
/// into a rejection code that the inbound adapters say in words from <c>prompts/rejections/</c>.
/// </summary>
public sealed class GitHubRunLinks(RunLinkParser parser) : IRunLinkParser
{
    /// <summary>Every rejection code this parser gives; each needs a prompt.</summary>
    public static IReadOnlyCollection<string> RejectionCodes { get; } =
        [.. Enum.GetValues<RunLinkRejection>().Select(Code)];

    public bool TryParse(
        string input, [NotNullWhen(true)] out RunLink? link, [NotNullWhen(false)] out string? rejection)
    {
        var result = parser.Parse(input);
        link = result.Link;
        rejection = result.IsValid ? null : Code(result.Rejection.Value);
        return result.IsValid;
    }

    private static string Code(RunLinkRejection rejection) => "run-link." + KebabCase.Of(rejection);
}

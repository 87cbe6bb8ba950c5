using Bot.GitHub.Links;
using Microsoft.Extensions.Options;

namespace Bot.GitHub;

/// <summary>Fails start-up on a GitHub section that could only fail later, at the first run link.</summary>
internal sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    private const long MaxAllowedLogBytes = 1024L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        var problems = new List<string>();

        if (!IsHttpUrl(options.WebBaseUrl))
            problems.Add($"GitHub:WebBaseUrl '{options.WebBaseUrl}' is not an absolute http(s) URL.");
        if (!IsHttpUrl(options.ApiBaseUrl))
            problems.Add($"GitHub:ApiBaseUrl '{options.ApiBaseUrl}' is not an absolute http(s) URL.");
        if (options.MaxLogBytes <= 0 || options.MaxLogBytes > MaxAllowedLogBytes)
            problems.Add($"GitHub:MaxLogBytes must be between 1 and {MaxAllowedLogBytes}.");
        if (options.RequestTimeout <= TimeSpan.Zero)
            problems.Add("GitHub:RequestTimeout must be positive.");

        foreach (var entry in options.AllowedRepositories)
        {
            if (!RepositoryName.TryParse(entry, out _, out _))
                problems.Add($"GitHub:AllowedRepositories entry '{entry}' is not of the form owner/repo.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

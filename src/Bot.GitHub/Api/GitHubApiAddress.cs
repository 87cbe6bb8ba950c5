namespace Bot.GitHub.Api;

/// <summary>
/// Where the REST API lives, from the configured <c>ApiBaseUrl</c>. Octokit's own constructor
/// replaces the path of any host but github.com with <c>/api/v3/</c> (GitHub Enterprise Server's
/// root); we keep that for a bare host and honour an explicit path, so a proxy or the lab's stand-in
/// can be addressed exactly.
/// </summary>
public static class GitHubApiAddress
{
    public static Uri Resolve(Uri configured)
    {
        ArgumentNullException.ThrowIfNull(configured);

        if (configured.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
            || configured.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri("https://api.github.com/");
        }

        var root = configured.GetLeftPart(UriPartial.Authority);
        var path = configured.AbsolutePath.Trim('/');
        return new Uri(path.Length == 0 ? $"{root}/api/v3/" : $"{root}/{path}/");
    }
}

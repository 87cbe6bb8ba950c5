namespace Bot.GitHub;

/// <summary>
/// Where the bot reads CI runs from (config section <c>GitHub</c>). The token is a secret: it is
/// handed to Octokit and nowhere else, never logged and never shown.
/// </summary>
public sealed class GitHubOptions
{
    public const string SectionName = "GitHub";

    /// <summary>The web host run links must point at; links to any other host are refused.</summary>
    public string WebBaseUrl { get; set; } = "https://github.com";

    /// <summary>
    /// The REST API root. For github.com this is <c>https://api.github.com/</c>. For GitHub
    /// Enterprise Server give the host alone (<c>https://ghe.example.com</c>; <c>api/v3/</c> is
    /// appended, as Octokit does) or the full root (<c>https://ghe.example.com/api/v3/</c>).
    /// </summary>
    public string ApiBaseUrl { get; set; } = "https://api.github.com/";

    /// <summary>A token with <c>actions:read</c>; empty means anonymous (public repositories only).</summary>
    public string? Token { get; set; }

    /// <summary><c>owner/repo</c> entries; empty allows any repository on <see cref="WebBaseUrl"/>.</summary>
    public IList<string> AllowedRepositories { get; set; } = [];

    /// <summary>A job log longer than this is not downloaded past this point, nor classified.</summary>
    public long MaxLogBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>How long one GitHub request (the log download included) may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    // The token must never reach a log line through an accidental ToString().
    public override string ToString() => $"GitHub web {WebBaseUrl}, api {ApiBaseUrl}";
}

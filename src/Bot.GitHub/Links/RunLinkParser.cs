using System.Globalization;
using Bot.Core.Targets;
using Microsoft.Extensions.Options;

namespace Bot.GitHub.Links;

/// <summary>
/// Turns <c>&lt;web&gt;/&lt;owner&gt;/&lt;repo&gt;/actions/runs/&lt;id&gt;[/job/&lt;id&gt;][/attempts/&lt;n&gt;]</c>
/// into a <see cref="RunLink"/>. Pure: it never calls GitHub. Only the configured host and, when an
/// allowlist is set, only listed repositories pass, because the link decides whose logs the bot reads.
/// </summary>
public sealed class RunLinkParser
{
    /// <summary>Longer than any real run link; a longer text is refused before it is parsed.</summary>
    public const int MaxLength = 2048;

    private readonly Uri _webBase;
    private readonly string _basePath;
    private readonly HashSet<string> _allowed;

    public RunLinkParser(IOptions<GitHubOptions> options)
    {
        var value = options.Value;
        _webBase = new Uri(value.WebBaseUrl, UriKind.Absolute);
        _basePath = _webBase.AbsolutePath.TrimEnd('/');
        _allowed = new HashSet<string>(
            value.AllowedRepositories.Select(r => r.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public RunLinkParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return RunLinkParseResult.Invalid(RunLinkRejection.Empty, "No link was given.");

        text = text.Trim();
        if (text.Length > MaxLength)
            return Invalid(RunLinkRejection.TooLong, $"The link is longer than {MaxLength} characters.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            return RunLinkParseResult.Invalid(RunLinkRejection.NotAUrl, "That is not an absolute URL.");
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return Invalid(RunLinkRejection.NotHttp, $"Only http(s) links are followed, not '{uri.Scheme}'.");
        if (!IsConfiguredHost(uri))
            return Invalid(RunLinkRejection.HostNotAllowed, $"Only links to {_webBase.Authority} are followed.");

        return ParsePath(uri);
    }

    /// <summary>Whether a link (perhaps read back from storage) names a repository the allowlist admits.</summary>
    public bool IsAllowed(RunLink link) =>
        _allowed.Count == 0 || _allowed.Contains($"{link.Owner}/{link.Repository}");

    private RunLinkParseResult ParsePath(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (_basePath.Length > 0 && !path.StartsWith(_basePath + "/", StringComparison.Ordinal))
            return NotARun();

        // Empty entries absorb the trailing slash people copy from the address bar.
        var segments = path[_basePath.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 5 || segments[2] != "actions" || segments[3] != "runs")
            return NotARun();

        var (owner, repository) = (segments[0], segments[1]);
        if (!RepositoryName.IsOwner(owner) || !RepositoryName.IsRepository(repository))
            return NotARun();
        if (!TryParseId(segments[4], out var runId))
            return BadId("run id", segments[4]);

        long? jobId = null;
        int? attempt = null;
        for (var i = 5; i < segments.Length; i += 2)
        {
            if (i + 1 >= segments.Length)
                return NotARun();

            var (key, value) = (segments[i], segments[i + 1]);
            if (key == "job" && jobId is null)
                jobId = TryParseId(value, out var id) ? id : null;
            else if (key == "attempts" && attempt is null)
                attempt = TryParseId(value, out var n) && n <= int.MaxValue ? (int)n : null;
            else
                return NotARun();

            if ((key == "job" && jobId is null) || (key == "attempts" && attempt is null))
                return BadId(key == "job" ? "job id" : "attempt number", value);
        }

        if (!IsAllowed(owner, repository))
        {
            return Invalid(
                RunLinkRejection.RepositoryNotAllowed,
                $"The repository {owner}/{repository} is not on this bot's allowlist.");
        }

        var canonical = new Uri($"{uri.Scheme}://{uri.Authority}{path.TrimEnd('/')}", UriKind.Absolute);
        return RunLinkParseResult.Valid(new RunLink(canonical, owner, repository, runId, jobId), attempt);
    }

    private bool IsConfiguredHost(Uri uri) =>
        string.Equals(uri.Host, _webBase.Host, StringComparison.OrdinalIgnoreCase)
        && (uri.Port == _webBase.Port || (uri.IsDefaultPort && _webBase.IsDefaultPort));

    private bool IsAllowed(string owner, string repository) =>
        _allowed.Count == 0 || _allowed.Contains($"{owner}/{repository}");

    // Digits only: long.TryParse alone would accept "+5", " 5" or "0x"-free oddities such as "٥".
    private static bool TryParseId(string text, out long id)
    {
        id = 0;
        return text.Length is > 0 and <= 19
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }

    private RunLinkParseResult NotARun() =>
        Invalid(
            RunLinkRejection.NotAnActionsRun,
            $"That is not a GitHub Actions run link ({_webBase.GetLeftPart(UriPartial.Authority)}"
            + "/<owner>/<repo>/actions/runs/<id>).");

    private static RunLinkParseResult BadId(string what, string value) =>
        Invalid(RunLinkRejection.BadId, $"The {what} '{Clip(value)}' is not a positive whole number.");

    private static RunLinkParseResult Invalid(RunLinkRejection rejection, string reason) =>
        RunLinkParseResult.Invalid(rejection, reason);

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

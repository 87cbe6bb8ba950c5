using System.Text.RegularExpressions;

namespace Bot.GitHub.Logs;

/// <summary>
/// The regular expressions the classifier runs. Each is only tried after a cheap substring check
/// says the line can match, so a log of noise costs a few IndexOf calls per line.
/// </summary>
internal static partial class LogPatterns
{
    /// <summary>
    /// The step named in BuildKit's error summary block: <c> &gt; [11/19] COPY requirements.txt .:</c>.
    /// </summary>
    [GeneratedRegex(@"^\s*> (?<title>\[[^\]]+\] .*)$", RegexOptions.CultureInvariant)]
    public static partial Regex SummaryStep();

    [GeneratedRegex(@"\bref=(?<ref>[^,\s""'\]]+)", RegexOptions.CultureInvariant)]
    public static partial Regex RefOption();

    [GeneratedRegex(
        @"failed to configure registry cache importer: (?<ref>\S+?): not found", RegexOptions.CultureInvariant)]
    public static partial Regex ImporterNotFound();

    [GeneratedRegex(
        @"error while importing cache manifest from cmId=(?<ref>\S+?):(?:\s|$)", RegexOptions.CultureInvariant)]
    public static partial Regex ImportErrorDebug();

    [GeneratedRegex(@"^importing cache manifest from (?<ref>\S+)", RegexOptions.CultureInvariant)]
    public static partial Regex ImportVertex();

    /// <summary>
    /// A registry URL naming a blob, an upload or a manifest: <c>https://host/v2/repo/blobs/sha256:…</c>.
    /// </summary>
    [GeneratedRegex(
        """
        https?://(?<host>[A-Za-z0-9.-]+(?::\d{1,5})?)/v2/(?<repo>[a-z0-9._/-]+?)/
        (?:blobs/(?:(?<blob>sha256:[a-f0-9]{64})|uploads/)
          |manifests/(?<tag>sha256:[a-f0-9]{64}|[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex RegistryUrl();

    [GeneratedRegex(
        @"connect: connection refused|no such host|i/o timeout|TLS handshake timeout|" +
        @"connection reset by peer|network is unreachable",
        RegexOptions.CultureInvariant)]
    public static partial Regex NetworkFailure();

    [GeneratedRegex(@"sha256:[a-f0-9]{64}", RegexOptions.CultureInvariant)]
    public static partial Regex Digest();

    [GeneratedRegex(@"\bblob (?:sha256:[a-f0-9]{64} )?not found", RegexOptions.CultureInvariant)]
    public static partial Regex BlobNotFound();

    [GeneratedRegex(@"content at \S+/blobs/sha256:[a-f0-9]{64} not found", RegexOptions.CultureInvariant)]
    public static partial Regex ContentNotFound();

    [GeneratedRegex(@"unexpected status (?:code|from GET request to) \S+/blobs/", RegexOptions.CultureInvariant)]
    public static partial Regex BlobGetStatus();

    [GeneratedRegex(@"error writing (?:layer|config|manifest) blob", RegexOptions.CultureInvariant)]
    public static partial Regex WritingBlob();

    [GeneratedRegex(@"unexpected status from (?:PUT|POST|PATCH) request to", RegexOptions.CultureInvariant)]
    public static partial Regex PushStatus();

    /// <summary>
    /// Lines that say a job failed without saying why in registry terms: compiler errors
    /// (<c>error CS1002:</c>, <c>error TS2304:</c>), runner and BuildKit failure lines, test runners.
    /// </summary>
    [GeneratedRegex(
        """
        \#\#\[error\] | Process\ completed\ with\ exit\ code\ [1-9] | \bexit\ code:?\ [1-9]
        | failed\ to\ solve | buildx\ failed | ^\#\d+\ ERROR: | \berror\ [A-Z]{2,}\d{3,5}: | :\ error:
        | ^npm\ ERR! | \bTest\ Run\ Failed\b | \bBUILD\ FAILED\b | ^make(?:\[\d+\])?:\ \*\*\* | ^FAILED\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex GenericFailure();
}

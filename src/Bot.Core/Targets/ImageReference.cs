using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Bot.Core.Targets;

/// <summary>
/// A registry reference such as <c>registry.internal:5000/app:cache</c> or <c>host/app@sha256:…</c>.
/// The registry host is always explicit: the bot triages private registries, never a default hub.
/// </summary>
public sealed partial record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>The tag or digest to ask the registry for; a digest wins when both are given.</summary>
    public string Reference => Digest ?? Tag ?? "latest";

    public override string ToString() =>
        Digest is not null ? $"{Registry}/{Repository}@{Digest}" : $"{Registry}/{Repository}:{Tag ?? "latest"}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 512)
            return false;

        var match = Shape().Match(text.Trim());
        if (!match.Success)
            return false;

        var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        var digest = match.Groups["digest"].Success ? match.Groups["digest"].Value : null;
        reference = new ImageReference(match.Groups["registry"].Value, match.Groups["repo"].Value, tag, digest);
        return true;
    }

    // The repository and tag grammars are the OCI distribution spec's; the registry part needs a
    // dot, a port or "localhost" so that "app/cache" is not mistaken for a host.
    [GeneratedRegex(
        """
        ^(?<registry>(?:localhost|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.[a-zA-Z0-9-]+|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*:[0-9]{1,5})(?::[0-9]{1,5})?)
        /(?<repo>[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*)
        (?::(?<tag>[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}))?
        (?:@(?<digest>sha256:[a-f0-9]{64}))?$
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

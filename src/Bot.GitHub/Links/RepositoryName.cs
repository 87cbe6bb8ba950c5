using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Bot.GitHub.Links;

/// <summary>GitHub's grammar for owner and repository names, shared by the link parser and the allowlist.</summary>
internal static partial class RepositoryName
{
    public static bool IsOwner(string text) => OwnerShape().IsMatch(text);

    // "." and ".." match the character class but name no repository; refusing them also keeps
    // them out of the API paths built from a link.
    public static bool IsRepository(string text) => text is not ("." or "..") && RepositoryShape().IsMatch(text);

    public static bool TryParse(
        string? text, [NotNullWhen(true)] out string? owner, [NotNullWhen(true)] out string? repository)
    {
        owner = null;
        repository = null;
        var parts = text?.Trim().Split('/');
        if (parts is not { Length: 2 } || !IsOwner(parts[0]) || !IsRepository(parts[1]))
            return false;

        owner = parts[0];
        repository = parts[1];
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerShape();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryShape();
}

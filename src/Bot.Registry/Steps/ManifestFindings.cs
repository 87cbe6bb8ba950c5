using Bot.Core.Investigations;

namespace Bot.Registry.Steps;

/// <summary>The manifest step's finding codes, each with a template in <c>prompts/findings/</c>.</summary>
public static class ManifestFindings
{
    public const string Found = "manifest.found";
    public const string NoRef = "manifest.no-ref";
    public const string BadRef = "manifest.bad-ref";

    /// <summary>Problems that are facts about the cache itself; the rest mean we could not look.</summary>
    public static readonly IReadOnlySet<string> ProblemsWithTheManifest = new HashSet<string>
    {
        RegistryProblems.ManifestUnknown,
        RegistryProblems.NameUnknown,
        RegistryProblems.ManifestCorrupt,
        RegistryProblems.DigestMismatch,
        RegistryProblems.Garbage,
        RegistryProblems.TooLarge,
    };

    public static IReadOnlyList<string> Problems { get; } =
    [
        RegistryProblems.Unreachable, RegistryProblems.TimedOut, RegistryProblems.Unauthorized, RegistryProblems.Denied,
        RegistryProblems.TooManyRequests, RegistryProblems.ManifestUnknown, RegistryProblems.NameUnknown,
        RegistryProblems.ManifestCorrupt, RegistryProblems.MediaTypeRefused, RegistryProblems.ServerError,
        RegistryProblems.Garbage, RegistryProblems.DigestMismatch, RegistryProblems.TooLarge,
        RegistryProblems.NotAllowlisted,
    ];

    public static IReadOnlyCollection<string> All { get; } = [Found, NoRef, BadRef, .. Problems.Select(For)];

    public static string For(string problem) => $"manifest.{problem}";
}

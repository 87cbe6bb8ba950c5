using Bot.Core.Investigations;

namespace Bot.Registry.Steps;

/// <summary>The blob step's finding codes, each with a template in <c>prompts/findings/</c>.</summary>
public static class BlobFindings
{
    public const string AllPresent = "blobs.all-present";
    public const string Broken = "blobs.broken";
    public const string None = "blobs.none";

    public static IReadOnlyList<string> Problems { get; } =
    [
        RegistryProblems.Unreachable, RegistryProblems.TimedOut, RegistryProblems.Unauthorized, RegistryProblems.Denied,
        RegistryProblems.TooManyRequests, RegistryProblems.ServerError, RegistryProblems.Garbage,
        RegistryProblems.NotAllowlisted,
    ];

    public static IReadOnlyCollection<string> All { get; } = [AllPresent, Broken, None, .. Problems.Select(For)];

    public static string For(string problem) => $"blobs.{problem}";
}

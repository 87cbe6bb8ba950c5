namespace Bot.Core.Investigations;

/// <summary>
/// How a registry answer went wrong, as recorded in <see cref="Clues.RegistryProblem"/>. The
/// registry adapter classifies; the diagnosis reads. Kept as strings so stored clues stay readable.
/// </summary>
public static class RegistryProblems
{
    public const string Unreachable = "unreachable";
    public const string TimedOut = "timed-out";
    public const string Unauthorized = "unauthorized";
    public const string Denied = "denied";
    public const string TooManyRequests = "too-many-requests";
    public const string ManifestUnknown = "manifest-unknown";
    public const string NameUnknown = "name-unknown";

    /// <summary>500 UNKNOWN on a manifest: its stored bytes are empty (ENOSPC during the PUT).</summary>
    public const string ManifestCorrupt = "manifest-corrupt";

    /// <summary>The registry refused every media type we accept (the Accept-header trap).</summary>
    public const string MediaTypeRefused = "media-type-refused";

    public const string ServerError = "server-error";
    public const string Garbage = "garbage";
    public const string DigestMismatch = "digest-mismatch";
    public const string TooLarge = "too-large";
    public const string NotAllowlisted = "not-allowlisted";

    public static bool IsAuth(string? problem) => problem is Unauthorized or Denied;

    public static bool IsUnreachable(string? problem) => problem is Unreachable or TimedOut;

    public static bool IsGarbage(string? problem) => problem is Garbage or DigestMismatch or TooLarge or ServerError;
}

using Microsoft.Extensions.Logging;

namespace Bot.Registry;

/// <summary>
/// The registry adapter's log lines, event ids 2000–2099. Identifiers only: never tokens,
/// passwords or bodies.
/// </summary>
internal static partial class RegistryLog
{
    [LoggerMessage(2000, LogLevel.Debug, "Registry {Registry} issued a token for {Scope}, valid {ExpiresInSeconds} s")]
    public static partial void TokenIssued(ILogger logger, string registry, string scope, int expiresInSeconds);

    [LoggerMessage(2001, LogLevel.Warning, "Registry {Registry} token realm failed: {Reason}")]
    public static partial void TokenRealmFailed(ILogger logger, string registry, string reason);

    [LoggerMessage(2002, LogLevel.Warning, "Registry {Registry} refused the configured credentials for {Scope}")]
    public static partial void CredentialsRefused(ILogger logger, string registry, string scope);

    [LoggerMessage(2003, LogLevel.Information, "Manifest {Repository}:{Reference} on {Registry}: {Outcome}")]
    public static partial void ManifestInspected(
        ILogger logger, string registry, string repository, string reference, string outcome);

    [LoggerMessage(2004, LogLevel.Information,
        "Blob check of {Count} blobs in {Repository} on {Registry}: " +
        "{Broken} broken, problem {Problem}, {DurationMs} ms")]
    public static partial void BlobsChecked(
        ILogger logger, string registry, string repository, int count, int broken, string problem, long durationMs);

    [LoggerMessage(2005, LogLevel.Warning, "Registry {Registry} is not on the allowlist; not contacted")]
    public static partial void NotAllowlisted(ILogger logger, string registry);
}

using Microsoft.Extensions.Configuration;

namespace Bot.Hosting;

/// <summary>
/// Where the secret store is: a directory with one file per key, named like an environment
/// variable (<c>Slack__BotToken</c>) and holding only the value. A Kubernetes Secret mounted as a
/// volume has exactly this shape. Its values beat appsettings.json and lose to the environment;
/// a missing directory is no error, so a machine without one runs on the environment alone.
/// </summary>
internal static class SecretStore
{
    public const string DirectoryKey = "Secrets:Directory";

    public const string DefaultDirectory = "/run/secrets/triage-bot";

    /// <summary>
    /// The configured directory as a full path (relative to the working directory, as
    /// <c>Storage:SqlitePath</c> is); the file provider underneath takes only full paths.
    /// </summary>
    public static string DirectoryOf(IConfiguration configuration)
    {
        var configured = configuration[DirectoryKey];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultDirectory : configured);
    }
}

namespace Bot.GitHub.Logs;

/// <summary>
/// The closed set of classes the CI-log classifier gives, stored as <c>Clues.CiErrorClass</c>.
/// The first seven involve the registry; the import classes are not what failed the build.
/// </summary>
public static class CiErrorClasses
{
    /// <summary>A cached layer blob is gone: <c>failed to compute cache key: blob … not found</c>,
    /// or <c>content at …/blobs/sha256:… not found: not found</c>. Fatal.</summary>
    public const string CacheBlobNotFound = "cache-blob-not-found";

    /// <summary>A cached layer blob could not be read: <c>httpReadSeeker: failed open</c>, or an
    /// unexpected status (e.g. 500) on a blob GET. Fatal.</summary>
    public const string CacheBlobReadFailed = "cache-blob-read-failed";

    /// <summary>The <c>importing cache manifest from &lt;ref&gt;</c> vertex ended in ERROR. The build
    /// goes on uncached, so this alone did not fail it.</summary>
    public const string CacheImportFailed = "cache-import-failed";

    /// <summary><c>failed to configure registry cache importer: &lt;ref&gt;: not found</c>: the cache
    /// tag does not exist. Not fatal.</summary>
    public const string CacheRefNotFound = "cache-ref-not-found";

    /// <summary>Pushing to the registry failed: <c>error writing (layer|config|manifest) blob</c> or
    /// an unexpected status on a PUT/POST/PATCH (Harbor refusing the cache index is a 404). Fatal.</summary>
    public const string CacheExportFailed = "cache-export-failed";

    /// <summary>The registry could not be reached at all: a <c>/v2/</c> request that ended in
    /// <c>connection refused</c>, <c>no such host</c>, <c>i/o timeout</c> and the like. Fatal.</summary>
    public const string RegistryUnreachable = "registry-unreachable";

    /// <summary>A push failed with <c>no space left on device</c>: the registry's disk is full. Fatal.</summary>
    public const string RegistryNoSpace = "registry-no-space";

    /// <summary>The job failed for a reason with no registry in it: a compile error, a failing test,
    /// a missing build-context file, a full runner disk, a bare non-zero exit code.</summary>
    public const string Unrelated = "unrelated";

    /// <summary>No line the classifier knows says what failed.</summary>
    public const string NoFailureFound = "no-failure-found";

    public static IReadOnlyList<string> All { get; } =
    [
        CacheBlobNotFound, CacheBlobReadFailed, CacheImportFailed, CacheRefNotFound,
        CacheExportFailed, RegistryNoSpace, RegistryUnreachable, Unrelated, NoFailureFound,
    ];

    /// <summary>The classes that fail the build by themselves, strongest evidence first.</summary>
    internal static IReadOnlyList<string> FatalRegistry { get; } =
        [RegistryNoSpace, CacheBlobNotFound, CacheBlobReadFailed, CacheExportFailed, RegistryUnreachable];

    /// <summary>Registry trouble the build survives; named only when nothing fatal was found.</summary>
    internal static IReadOnlyList<string> NonFatalRegistry { get; } = [CacheRefNotFound, CacheImportFailed];
}

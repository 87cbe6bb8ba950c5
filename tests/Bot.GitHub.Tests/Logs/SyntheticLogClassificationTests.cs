using Bot.GitHub.Logs;
using Bot.GitHub.Tests.Support;

namespace Bot.GitHub.Tests.Logs;

/// <summary>Synthetic logs (SyntheticLogs/synthetic-*.log) in GitHub's timestamped job-log format.</summary>
public sealed class SyntheticLogClassificationTests
{
    private const string SeedBlob = "sha256:1644be5c932c44d1ac6c338834927a2d40d1922935726cdc5922baca8df32810";
    private const string FailingBlob = "sha256:993aed16482636c799696cbcc10db2ea93365f910e5d889cea878fc0580608fd";

    private readonly CiLogClassifier _classifier = new();

    [Fact]
    public void Classify_SeedIncident_IsFatalBlobNotFoundOnTheCacheRef()
    {
        var result = Classify("synthetic-seed-incident-blob-not-found.log");

        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.ErrorClass);
        Assert.True(result.IsFatal);
        Assert.True(result.InvolvesRegistry);
        Assert.Equal("registry.internal:5000/app:cache", result.Ref);
        Assert.Equal(SeedBlob, result.Digest);
        Assert.Equal("[build 3/5] RUN npm ci", result.Vertex);
        Assert.StartsWith("#9 ERROR: failed to compute cache key", result.MatchedLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_CompileError_IsUnrelatedAndShowsTheCompilerLine()
    {
        var result = Classify("synthetic-compile-error.log");

        Assert.Equal(CiErrorClasses.Unrelated, result.ErrorClass);
        Assert.True(result.IsFatal);
        Assert.False(result.InvolvesRegistry);
        Assert.Null(result.Ref);
        Assert.Contains("error CS1002", result.MatchedLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_BlobGet500_IsBlobReadFailedOnTheCacheRef()
    {
        var result = Classify("synthetic-blob-get-500.log");

        Assert.Equal(CiErrorClasses.CacheBlobReadFailed, result.ErrorClass);
        Assert.Equal("registry.internal:5000/app:cache", result.Ref);
        Assert.Equal(FailingBlob, result.Digest);
        Assert.Equal("[build 2/5] COPY package.json package-lock.json ./", result.Vertex);
    }

    [Fact]
    public void Classify_MissingBuildContextFile_IsUnrelatedDespiteComputeCacheKey()
    {
        var result = Classify("synthetic-context-file-missing.log");

        Assert.Equal(CiErrorClasses.Unrelated, result.ErrorClass);
        Assert.False(result.InvolvesRegistry);
    }

    [Fact]
    public void Classify_NoSpaceOnImagePush_IsRegistryNoSpaceWithoutTheCacheRef()
    {
        var result = Classify("synthetic-registry-no-space-on-push.log");

        Assert.Equal(CiErrorClasses.RegistryNoSpace, result.ErrorClass);
        Assert.Equal("exporting to image", result.Vertex);
        Assert.Equal("registry.internal:5000/app", result.Ref);
        Assert.True(result.IsFatal);
    }

    [Fact]
    public void Classify_ExportRefusedWithoutCacheOptions_TakesTheTagFromTheImportedCache()
    {
        // The upload URL names host/repo only; the cache this build imported from names the tag.
        var result = Classify("synthetic-import-500-then-export-refused.log");

        Assert.Equal(CiErrorClasses.CacheExportFailed, result.ErrorClass);
        Assert.True(result.IsFatal);
        Assert.Equal("registry.internal:5000/app:cache", result.Ref);
        Assert.Equal("exporting cache", result.Vertex);
    }

    [Fact]
    public void Classify_RegistryRefusesConnections_IsRegistryUnreachableWithTheCacheRef()
    {
        var result = Classify("synthetic-registry-connection-refused.log");

        Assert.Equal(CiErrorClasses.RegistryUnreachable, result.ErrorClass);
        Assert.True(result.InvolvesRegistry);
        Assert.Equal("registry.internal:5000/app:cache", result.Ref);
    }

    [Fact]
    public void Classify_MissingCacheTagThenFailingTest_BlamesTheTest()
    {
        var result = Classify("synthetic-import-failed-then-test-failure.log");

        Assert.Equal(CiErrorClasses.Unrelated, result.ErrorClass);
        Assert.False(result.InvolvesRegistry);
        Assert.Equal("[build 5/5] RUN npm test", result.Vertex);
    }

    [Fact]
    public void Classify_PassingBuild_FindsNoFailure()
    {
        var result = Classify("synthetic-passing-build.log");

        Assert.Equal(CiErrorClasses.NoFailureFound, result.ErrorClass);
        Assert.False(result.IsFatal);
        Assert.Null(result.Ref);
    }

    private CiLogClassification Classify(string name)
    {
        using var log = File.OpenRead(TestFiles.SyntheticLog(name));
        return _classifier.Classify(log);
    }
}

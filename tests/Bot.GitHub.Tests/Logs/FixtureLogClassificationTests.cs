using Bot.GitHub.Logs;
using Bot.GitHub.Tests.Support;

namespace Bot.GitHub.Tests.Logs;

/// <summary>Every real log excerpt in tests/fixtures/logs is an input with an expected class.</summary>
public sealed class FixtureLogClassificationTests
{
    public static TheoryData<string, string> Expected { get; } = new()
    {
        { "buildkit-2332-gha-compute-cache-key-blob-not-found.log", CiErrorClasses.CacheBlobNotFound },
        { "buildkit-2479-harbor-writing-manifest-404.log", CiErrorClasses.CacheExportFailed },
        { "buildkit-4765-compute-cache-key-blob-sha-not-found.log", CiErrorClasses.CacheBlobNotFound },
        { "buildkit-5487-writing-manifest-put-404.log", CiErrorClasses.CacheExportFailed },
        { "buildkitd-nexus-967-cache-importer-not-found.log", CiErrorClasses.CacheRefNotFound },
        { "buildx-1090-importing-cache-manifest-error.log", CiErrorClasses.CacheImportFailed },
        { "buildx-3374-httpreadseeker-failed-open.log", CiErrorClasses.CacheBlobReadFailed },

        // Registry and Harbor logs are not CI logs: their error lines are not a build failing.
        { "distribution-3743-gc-output.log", CiErrorClasses.NoFailureFound },
        { "distribution-971-head-blob-unknown.log", CiErrorClasses.NoFailureFound },
        { "harbor-gc-12850-sweep-failed.log", CiErrorClasses.NoFailureFound },
        { "harbor-gc-12948-actual-deleted.log", CiErrorClasses.NoFailureFound },
        { "harbor-gc-14855-parameters-dryrun.log", CiErrorClasses.NoFailureFound },
        { "harbor-gc-15039-sweep-failed-500.log", CiErrorClasses.NoFailureFound },
        { "harbor-gc-16373-deleteblob-retry-500.log", CiErrorClasses.NoFailureFound },
        { "harbor-gc-16482-dryrun-estimate.log", CiErrorClasses.NoFailureFound },
        { "harbor-registryctl-21170-path-not-found.log", CiErrorClasses.NoFailureFound },

        // A full disk that is not a push (Harbor's job-log volume): a failure, not the registry's.
        { "harbor-jobservice-18459-gc-no-space.log", CiErrorClasses.Unrelated },
    };

    private readonly CiLogClassifier _classifier = new();

    [Theory]
    [MemberData(nameof(Expected))]
    public void Classify_FixtureLog_HasExpectedClass(string file, string expectedClass)
    {
        using var log = File.OpenRead(TestFiles.FixtureLog(file));

        var result = _classifier.Classify(log);

        Assert.Equal(expectedClass, result.ErrorClass);
    }

    [Fact]
    public void Expected_EveryTopLevelFixtureLog_IsCovered()
    {
        var onDisk = Directory.GetFiles(TestFiles.FixtureLogs, "*.log")
            .Select(f => Path.GetFileName(f)!)
            .Order()
            .ToList();

        var covered = Expected.Select(row => (string)row[0]).Order().ToList();

        Assert.NotEmpty(onDisk);
        Assert.Equal(onDisk, covered);
    }

    [Fact]
    public void Classify_BuildKit2332_NamesTheCopyStepAsFatalRegistryFailure()
    {
        var result = Classify("buildkit-2332-gha-compute-cache-key-blob-not-found.log");

        Assert.True(result.IsFatal);
        Assert.True(result.InvolvesRegistry);
        Assert.Equal("[11/19] COPY requirements.txt .", result.Vertex);
        Assert.Equal("#18 ERROR: blob not found", result.MatchedLines[0]);
    }

    [Fact]
    public void Classify_BuildKit4765_ExtractsTheMissingBlobDigest()
    {
        var result = Classify("buildkit-4765-compute-cache-key-blob-sha-not-found.log");

        Assert.Equal("sha256:043e7f3dd05ab4bea31533694054d95fdc672fa089066248f176a60cb051493c", result.Digest);
    }

    [Fact]
    public void Classify_BuildKit2479_IsTheCacheExportVertex()
    {
        var result = Classify("buildkit-2479-harbor-writing-manifest-404.log");

        Assert.Equal("exporting cache", result.Vertex);
        Assert.Equal("sha256:6a7bcd7517f1447682d422fc13f0ef3022bd4839e7a62d5d90361a5309c15c65", result.Digest);
        Assert.True(result.IsFatal);
    }

    [Fact]
    public void Classify_Nexus967_ExtractsTheMissingCacheRefAndIsNotFatal()
    {
        var result = Classify("buildkitd-nexus-967-cache-importer-not-found.log");

        Assert.Equal("192.168.0.105:8082/c:latest", result.Ref);
        Assert.False(result.IsFatal);
        Assert.True(result.InvolvesRegistry);
    }

    [Fact]
    public void Classify_Buildx1090_ExtractsTheImportRefAndVertex()
    {
        var result = Classify("buildx-1090-importing-cache-manifest-error.log");

        Assert.Equal("localhost/company/deployment-build:master", result.Ref);
        Assert.Equal("importing cache manifest from localhost/company/deployment-build:master", result.Vertex);
        Assert.False(result.IsFatal);
    }

    [Fact]
    public void Classify_HarborGcLog_DoesNotClaimRegistryInvolvement()
    {
        var result = Classify("harbor-gc-15039-sweep-failed-500.log");

        Assert.Null(result.InvolvesRegistry);
        Assert.Empty(result.MatchedLines);
    }

    private CiLogClassification Classify(string file) =>
        _classifier.Classify(File.ReadAllText(TestFiles.FixtureLog(file)));
}

using Bot.GitHub.Logs;

namespace Bot.GitHub.Tests.Logs;

public sealed class CiLogClassifierTests
{
    private const string Blob = "sha256:0000000000000000000000000000000000000000000000000000000000000abc";

    private readonly CiLogClassifier _classifier = new();

    [Fact]
    public void Classify_TimestampedVertexLines_StripsTheTimestampBeforeMatching()
    {
        var log = """
            2024-01-01T00:00:00.0000000Z #7 [stage 2/3] RUN make
            2024-01-01T00:00:01.0000000Z #7 ERROR: blob not found
            """;

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.ErrorClass);
        Assert.Equal("[stage 2/3] RUN make", result.Vertex);
        Assert.Equal("#7 ERROR: blob not found", result.MatchedLines[0]);
    }

    [Fact]
    public void Classify_ContentNotFoundOnBlobUrl_IsBlobNotFoundWithHostAndRepo()
    {
        var log = "failed to copy: httpReadSeeker: failed open: content at "
            + $"https://reg.example:5000/v2/team/app/blobs/{Blob} not found: not found";

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.ErrorClass);
        Assert.Equal("reg.example:5000/team/app", result.Ref);
        Assert.Equal(Blob, result.Digest);
    }

    [Fact]
    public void Classify_CacheToRefAndWritingLayerBlob_IsExportFailedOnTheCacheToRef()
    {
        var log = """
            cache-to: type=registry,ref=reg.example/app:buildcache,mode=max
            #20 exporting cache to registry
            #20 ERROR: error writing layer blob: Put "https://reg.example/v2/app/blobs/uploads/x": EOF
            """;

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheExportFailed, result.ErrorClass);
        Assert.Equal("reg.example/app:buildcache", result.Ref);
        Assert.Equal("exporting cache", result.Vertex);
    }

    [Fact]
    public void Classify_BuildxCommandWithBothCacheOptions_TellsThemApart()
    {
        var log = """
            buildx build --cache-from type=registry,ref=r.example/app:c --cache-to type=registry,ref=r.example/app:o .
            #9 [b 1/2] RUN make
            #9 ERROR: failed to compute cache key: blob not found
            #20 exporting cache to registry
            #20 ERROR: error writing manifest blob: unexpected status: 404 Not Found
            """;

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.ErrorClass);
        Assert.Equal("r.example/app:c", result.Ref);
    }

    [Fact]
    public void Classify_ExportFailureAfterBothCacheOptions_NamesTheCacheToRef()
    {
        var log = """
            --cache-from type=registry,ref=reg.example/app:cache --cache-to type=registry,ref=reg.example/app:out
            #20 exporting cache to registry
            #20 ERROR: error writing manifest blob: unexpected status: 404 Not Found
            """;

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheExportFailed, result.ErrorClass);
        Assert.Equal("reg.example/app:out", result.Ref);
    }

    [Fact]
    public void Classify_PutReturning404_IsExportFailed()
    {
        var log = "unexpected status from PUT request to https://harbor.example/v2/p/app/manifests/cache: 404";

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheExportFailed, result.ErrorClass);
        Assert.Equal("harbor.example/p/app:cache", result.Ref);
    }

    [Fact]
    public void Classify_RunnerDiskFull_IsUnrelated()
    {
        var log = "write /home/runner/work/_temp/x.tar: no space left on device";

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.Unrelated, result.ErrorClass);
    }

    [Fact]
    public void Classify_ImportErrorThenBlobNotFound_BlamesTheFatalBlob()
    {
        var log = """
            #3 importing cache manifest from reg.example/app:cache
            #3 ERROR: unexpected status code https://reg.example/v2/app/manifests/cache: 500
            ERROR: failed to solve: failed to compute cache key: blob not found
            """;

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.ErrorClass);
        Assert.True(result.IsFatal);
    }

    [Fact]
    public void Classify_ImportVertexErrorOnly_IsImportFailedNotFatal()
    {
        var log = """
            #3 importing cache manifest from reg.example/app:cache
            #3 ERROR: unexpected status code https://reg.example/v2/app/manifests/cache: 500
            """;

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheImportFailed, result.ErrorClass);
        Assert.Equal("reg.example/app:cache", result.Ref);
        Assert.False(result.IsFatal);
    }

    [Fact]
    public void Classify_BareExitCode_IsUnrelated()
    {
        var result = _classifier.Classify("##[error]Process completed with exit code 1.");

        Assert.Equal(CiErrorClasses.Unrelated, result.ErrorClass);
    }

    [Fact]
    public void Classify_EmptyLog_FindsNoFailure()
    {
        var result = _classifier.Classify("");

        Assert.Equal(CiErrorClasses.NoFailureFound, result.ErrorClass);
        Assert.Equal(0, result.LinesRead);
    }

    [Fact]
    public void Classify_CrLfLineEndings_AreHandled()
    {
        var result = _classifier.Classify("noise\r\n#4 [a 1/2] RUN x\r\n#4 ERROR: blob not found\r\n");

        Assert.Equal("#4 ERROR: blob not found", result.MatchedLines[0]);
        Assert.Equal("[a 1/2] RUN x", result.Vertex);
    }

    [Fact]
    public void Classify_VeryLongMatchedLine_IsShownShort()
    {
        var log = "ERROR: failed to compute cache key: blob not found " + new string('x', 20_000);

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.ErrorClass);
        Assert.True(result.MatchedLines[0].Length <= 301);
    }

    [Fact]
    public void ErrorClasses_All_AreDistinctKebabCase()
    {
        var all = CiErrorClasses.All;

        Assert.Equal(9, all.Distinct().Count());
        Assert.All(all, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
    }
}

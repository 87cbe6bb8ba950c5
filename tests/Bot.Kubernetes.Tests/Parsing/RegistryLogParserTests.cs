using Bot.Core.Investigations;
using Bot.Kubernetes.RegistryLogs;

namespace Bot.Kubernetes.Tests.Parsing;

public sealed class RegistryLogParserTests
{
    [Fact]
    public void Parse_TmpfsEnospcLog_FoldsEachRequestOnce()
    {
        var lines = Fixtures.Lines("lab-registry-2.8.2/registry-5001-tmpfs-enospc.log");

        var errors = RegistryLogParser.Parse(lines);

        Assert.Equal(10, errors.Count(e => e.Kind == RegistryWriteErrorKinds.NoSpace));
        Assert.Equal(2, errors.Count(e => e.Kind == RegistryWriteErrorKinds.EmptyManifestBlob));
        Assert.Equal(4, errors.Count(e => e.Kind == RegistryWriteErrorKinds.EmptyLink));
    }

    [Fact]
    public void Parse_TmpfsEnospcLog_PlacesTheFirstNoSpaceInTime()
    {
        var lines = Fixtures.Lines("lab-registry-2.8.2/registry-5001-tmpfs-enospc.log");

        var first = RegistryLogParser.Parse(lines).First(e => e.Kind == RegistryWriteErrorKinds.NoSpace);

        var expected = DateTimeOffset.Parse(
            "2026-12-03T18:45:45.812464879Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, first.At);
        Assert.Equal("PUT", first.Method);
    }

    [Fact]
    public void Parse_ManifestBlobWriteOnFullDisk_NamesTheBlobDigest()
    {
        var lines = Fixtures.Lines("lab-registry-2.8.2/registry-5001-tmpfs-enospc.log");

        var errors = RegistryLogParser.Parse(lines);

        Assert.Contains(errors, e => e.Kind == RegistryWriteErrorKinds.NoSpace
            && e.Digest == "sha256:2d597ffbc3c329a883f280901dfefe3c1495c6f43e0f9e68a27e06cd7fb59218");
        Assert.Contains(errors, e => e.Kind == RegistryWriteErrorKinds.NoSpace
            && e.Digest == "sha256:ea2d77d1860d486e89eb44234b6a6f082ad11118e8c282913bd37549d578d38a");
    }

    [Theory]
    [InlineData("lab-registry-2.8.2/registry-5000-errors.log")]
    [InlineData("lab-registry-2.8.2/registry-5002-nocache-errors.log")]
    [InlineData("lab-registry-2.8.2/registry-startup.log")]
    public void Parse_LogsWithoutWriteFailures_FindNothing(string fixture)
    {
        var lines = Fixtures.Lines(fixture);

        var errors = RegistryLogParser.Parse(lines);

        Assert.Empty(errors);
    }

    [Fact]
    public void Parse_GrepPrefixedLine_StillReadsTheLogrusTime()
    {
        const string line =
            "registry-run1.log:time=\"2026-12-03T18:46:06.617662277Z\" " +
            "level=error msg=\"response completed with error\" " +
            "err.code=unknown err.detail=\"unexpected end of JSON input\" " +
            "http.request.id=22c7a907 http.request.method=HEAD";

        var error = Assert.Single(RegistryLogParser.Parse([line]));

        Assert.Equal(RegistryWriteErrorKinds.EmptyManifestBlob, error.Kind);
        Assert.Equal("HEAD", error.Method);
        var expected = DateTimeOffset.Parse(
            "2026-12-03T18:46:06.6176623Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, error.At);
    }

    [Fact]
    public void Parse_IncidentStyleLine_ReadsLeadingTime()
    {
        const string line =
            "2026-03-17T14:22:31Z [ERROR] blob upload failed: " +
            "write /storage/docker/registry/v2/blobs/sha256/a8/a8f2b/data: no space left on device";

        var error = Assert.Single(RegistryLogParser.Parse([line]));

        Assert.Equal(RegistryWriteErrorKinds.NoSpace, error.Kind);
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 14, 22, 31, TimeSpan.Zero), error.At);
        Assert.Null(error.Digest);
    }
}

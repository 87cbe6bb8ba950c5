using System.Net;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

/// <summary>No restart, cache on: the registry vouches for a blob whose data is gone.</summary>
public sealed class HeadLiesSessionTests(HeadLiesSession fixture) : IClassFixture<HeadLiesSession>
{
    private readonly Bot.Lab.Sessions.LabSession _session = fixture.Session;

    [Fact]
    public async Task MissingLayer_Head_Says200WithTheFullLength()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);
        var broken = _session.Failure.BrokenBlob!;

        var (status, length) = await registry.HeadBlobAsync("app", broken.Digest);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(broken.Size, length);
        Assert.False(File.Exists(OnDisk.BlobData(_session.DataDirectory, broken.Digest)));
    }

    [Fact]
    public async Task MissingLayer_Get_Says200ButSendsNoBytes()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);

        var (status, bytes, _) = await registry.GetBlobAsync("app", _session.Failure.BrokenBlob!.Digest);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, bytes);
    }

    [Fact]
    public async Task CacheTag_IsTheImageManifestForm()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);

        var (status, _, body) = await registry.GetManifestAsync("app", "cache");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(
            "\"config\":{\"mediaType\":\"application/vnd.buildkit.cacheconfig.v0\"", body, StringComparison.Ordinal);
    }
}

using System.Net;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

public sealed class BlobMissingAfterRestartSessionTests(BlobMissingAfterRestartSession fixture)
    : IClassFixture<BlobMissingAfterRestartSession>
{
    private readonly Bot.Lab.Sessions.LabSession _session = fixture.Session;

    [Fact]
    public async Task CacheTag_StillResolves()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);

        var (status, _, _) = await registry.GetManifestAsync("app", "cache");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task MissingLayer_HeadAndGet_Answer404()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);
        var (_, _, body) = await registry.GetManifestAsync("app", "cache");
        var layer = ManifestReferences.Of(body)[1].Digest;

        var head = await registry.HeadBlobAsync("app", layer);
        var get = await registry.GetBlobAsync("app", layer);

        Assert.Equal(HttpStatusCode.NotFound, head.Status);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Contains("BLOB_UNKNOWN", get.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(OnDisk.BlobData(_session.DataDirectory, layer)));
    }
}

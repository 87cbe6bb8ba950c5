using System.Net;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

public sealed class ZeroByteManifestSessionTests(ZeroByteManifestSession fixture)
    : IClassFixture<ZeroByteManifestSession>
{
    private readonly Bot.Lab.Sessions.LabSession _session = fixture.Session;

    [Fact]
    public async Task CacheTag_Get_Answers500WithOffsetZero()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);

        var (status, _, body) = await registry.GetManifestAsync("app", "cache");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("\"Offset\":0", body, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestData_OnDisk_IsEmpty_AfterARealDiskFull()
    {
        var digest = _session.Pushed.Single(p => p.Reference == "app:cache").Digest;

        Assert.Equal(0, new FileInfo(OnDisk.BlobData(_session.DataDirectory, digest)).Length);
        Assert.Contains(
            $"blobs/sha256/{digest[7..9]}/{digest[7..]}/data: no space left on device",
            OnDisk.ReadShared(_session.RegistryLogPath),
            StringComparison.Ordinal);
    }
}

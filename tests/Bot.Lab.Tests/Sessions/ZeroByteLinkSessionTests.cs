using System.Net;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

public sealed class ZeroByteLinkSessionTests(ZeroByteLinkSession fixture) : IClassFixture<ZeroByteLinkSession>
{
    private readonly Bot.Lab.Sessions.LabSession _session = fixture.Session;

    [Fact]
    public async Task EmptiedLink_Get_Answers500InvalidChecksum()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);
        var digest = _session.Failure.BrokenBlob!.Digest;

        var (status, _, _) = await registry.GetBlobAsync("app", digest);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(0, new FileInfo(OnDisk.LayerLink(_session.DataDirectory, "app", digest)).Length);
        var log = OnDisk.ReadShared(_session.RegistryLogPath);
        Assert.Contains("invalid checksum digest format", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Volume_HasRoom_AndNoDiskFullInTheLog()
    {
        Assert.True(_session.VolumeUsage.UsedPercent < 50);
        var log = OnDisk.ReadShared(_session.RegistryLogPath);

        Assert.DoesNotContain("no space left on device", log, StringComparison.Ordinal);
    }
}

using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

public sealed class RegistryDownSessionTests(RegistryDownSession fixture) : IClassFixture<RegistryDownSession>
{
    private readonly Bot.Lab.Sessions.LabSession _session = fixture.Session;

    [Fact]
    public async Task Registry_RefusesConnections()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);

        var refused = await registry.RefusesConnectionsAsync();

        Assert.True(refused);
        Assert.Null(_session.RegistryProcessId);
    }

    [Fact]
    public void CiLog_UsesTheRealLayerDigest()
    {
        var layer = _session.Pushed.Single(p => p.Reference == "app:9b8c7d6").Document.Layers[0].Digest;

        var log = _session.CiRun.Jobs.Single().Log;

        Assert.Contains($"/v2/app/blobs/{layer}\": dial tcp", log, StringComparison.Ordinal);
    }
}

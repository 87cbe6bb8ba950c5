using System.Net;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

public sealed class IntactCacheSessionTests(IntactCacheSession fixture) : IClassFixture<IntactCacheSession>
{
    private readonly Bot.Lab.Sessions.LabSession _session = fixture.Session;

    [Theory]
    [InlineData("app", "cache")]
    [InlineData("app", "5e6f7a8")]
    public async Task EveryReferencedBlob_Get_IsWhole(string repository, string tag)
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);
        var (status, _, body) = await registry.GetManifestAsync(repository, tag);

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var (digest, size) in ManifestReferences.Of(body))
        {
            var blob = await registry.GetBlobAsync(repository, digest);
            Assert.Equal((HttpStatusCode.OK, size), (blob.Status, blob.Bytes));
        }
    }

    [Fact]
    public void Volume_IsFilledToTheScenariosTarget()
    {
        Assert.InRange(_session.VolumeUsage.UsedPercent, 38.0, 42.0);
    }

    [Fact]
    public void CiRun_Succeeded()
    {
        Assert.Equal("success", _session.CiRun.Jobs.Single().Conclusion);
    }

    [Fact]
    public void BotConfiguration_WithoutAClusterSection_ConfiguresNoCluster()
    {
        var settings = _session.BotConfiguration();

        Assert.Null(_session.Cluster);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Cluster:", StringComparison.Ordinal));
    }
}

using System.Net;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

public sealed class UnrelatedFailureSessionTests(UnrelatedFailureSession fixture)
    : IClassFixture<UnrelatedFailureSession>
{
    private readonly Bot.Lab.Sessions.LabSession _session = fixture.Session;

    [Fact]
    public async Task Cache_IsHealthy()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);
        var (status, _, body) = await registry.GetManifestAsync("app", "cache");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var (digest, size) in ManifestReferences.Of(body))
        {
            var blob = await registry.GetBlobAsync("app", digest);
            Assert.Equal((HttpStatusCode.OK, size), (blob.Status, blob.Bytes));
        }
    }

    [Fact]
    public void CiRun_FailsOnACompileError()
    {
        var build = _session.CiRun.Jobs.Single(j => j.Conclusion == "failure");

        Assert.Equal(2, _session.CiRun.Jobs.Count);
        Assert.Contains("error CS1002: ; expected", build.Log, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

/// <summary>The incident: a real ENOSPC in a cache push leaves the tag on an index with an unreadable layer.</summary>
public sealed class SeedSessionTests(SeedSession fixture) : IClassFixture<SeedSession>
{
    private readonly Bot.Lab.Sessions.LabSession _session = fixture.Session;

    [Fact]
    public async Task CacheTag_WithFullAcceptList_ResolvesToTheIndex()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);

        var (status, digest, body) = await registry.GetManifestAsync("app", "cache");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(_session.Pushed.Single(p => p.Reference == "app:cache").Digest, digest);
        Assert.Contains("\"mediaType\":\"application/vnd.oci.image.index.v1+json\"", body, StringComparison.Ordinal);
        Assert.Contains("application/vnd.buildkit.cacheconfig.v0", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferencedBlobs_OneOfThem_Answers500AndIsTheReportedOne()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);
        var (_, _, body) = await registry.GetManifestAsync("app", "cache");

        var broken = new List<string>();
        foreach (var (digest, size) in ManifestReferences.Of(body))
        {
            var (status, bytes, _) = await registry.GetBlobAsync("app", digest);
            if (status != HttpStatusCode.OK || bytes != size)
            {
                Assert.Equal(HttpStatusCode.InternalServerError, status);
                broken.Add(digest);
            }
        }

        Assert.Equal([_session.Failure.BrokenBlob!.Digest], broken);
    }

    [Fact]
    public async Task BrokenLayer_Head_Answers500Too()
    {
        using var registry = new RawRegistry(_session.RegistryBaseUri);

        var (status, _) = await registry.HeadBlobAsync("app", _session.Failure.BrokenBlob!.Digest);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
    }

    [Fact]
    public void BrokenLayer_OnDisk_HasItsDataAndAnEmptyLink()
    {
        var digest = _session.Failure.BrokenBlob!.Digest;

        Assert.Equal(0, new FileInfo(OnDisk.LayerLink(_session.DataDirectory, "app", digest)).Length);
        Assert.Equal(
            _session.Failure.BrokenBlob.Size, new FileInfo(OnDisk.BlobData(_session.DataDirectory, digest)).Length);
    }

    [Fact]
    public void RegistryLog_HasTheRealNoSpaceLineForTheLink()
    {
        var log = OnDisk.ReadShared(_session.RegistryLogPath);

        Assert.Contains(
            $"_layers/sha256/{_session.Failure.BrokenBlob!.Digest[7..]}/link: no space left on device",
            log,
            StringComparison.Ordinal);
    }

    // The scenario fills to 96 %; the abandoned uploads of the induced race keep a little more,
    // and how much depends on how many rounds the race took.
    [Fact]
    public void Volume_IsNearlyFull()
    {
        var used = _session.VolumeUsage.UsedPercent;

        Assert.InRange(used, 94.0, 100.0);
    }

    [Fact]
    public void CiLog_NamesTheBrokenLayersRealUrl()
    {
        var log = _session.CiRun.Jobs.Single().Log;

        Assert.Contains(
            $"GET request to https://registry.internal:5000/v2/app/blobs/{_session.Failure.BrokenBlob!.Digest}: 500",
            log,
            StringComparison.Ordinal);
        Assert.Equal("failure", _session.CiRun.Jobs.Single().Conclusion);
    }

    [Fact]
    public void BotConfiguration_MapsTheRegistryNameToLoopback()
    {
        var settings = _session.BotConfiguration(new Uri("http://127.0.0.1:1/api/"), new Uri("http://127.0.0.1:1/"));

        Assert.Equal("registry.internal:5000", settings["Registry:Registries:0:Name"]);
        Assert.Equal(_session.RegistryBaseUri.ToString(), settings["Registry:Registries:0:BaseUri"]);
        Assert.Equal("http://127.0.0.1:1/api/", settings["GitHub:ApiBaseUrl"]);
        Assert.StartsWith(_session.Directory, settings["Storage:SqlitePath"], StringComparison.Ordinal);
    }

    [Fact]
    public void BotConfiguration_WithTheSeedsCluster_PointsTheClusterChecksAtTheSimulator()
    {
        var settings = _session.BotConfiguration();

        Assert.Equal(_session.Cluster!.KubeconfigPath, settings["Cluster:Kubeconfig"]);
        Assert.True(File.Exists(settings["Cluster:Kubeconfig"]));
        Assert.Equal("harbor", settings["Cluster:Namespace"]);
        Assert.Equal("app=harbor,component=registry", settings["Cluster:LabelSelector"]);
        Assert.Equal("registry", settings["Cluster:Container"]);
        Assert.Equal("/storage", settings["Cluster:StorageMountPath"]);
        Assert.Equal("PodLogs", settings["Cluster:Gc:Source"]);
        Assert.Equal("harbor-gc", settings["Cluster:Gc:PodLogs:CronJob"]);
    }

    [Fact]
    public void Cluster_OfTheSeed_ServesTheSessionsDiskLogAndGcHistory()
    {
        var cluster = _session.Cluster!.Scenario;

        Assert.Equal(_session.DataDirectory, cluster.StorageDirectory);
        Assert.Equal(_session.RegistryLogPath, cluster.RegistryLogPath);
        Assert.Equal(("24Mi", "24Mi"), (cluster.PvcRequestedSize, cluster.PvcCapacity));
        Assert.Equal(["Succeeded", "Failed", "Failed"], cluster.GcPods.Select(p => p.Phase));
        Assert.All(cluster.GcPods, p => Assert.StartsWith(
            p.StartedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            p.Log,
            StringComparison.Ordinal));
        Assert.Contains("no space left on device", cluster.GcPods[^1].Log, StringComparison.Ordinal);
    }
}

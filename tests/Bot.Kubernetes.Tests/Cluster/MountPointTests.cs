using Bot.Lab.Cluster;

namespace Bot.Kubernetes.Tests.Cluster;

/// <summary>
/// The host folder a pod's mount path binds onto: created when missing, removed by the last simulator.
/// </summary>
public sealed class MountPointTests
{
    [Fact]
    public async Task Simulators_OnAMountPathTheyCreated_RemoveItAfterTheLastOne()
    {
        var top = "/lab-mount-test-" + Guid.NewGuid().ToString("N");
        var mountPath = top + "/storage";
        var storage = Directory.CreateTempSubdirectory("mount-point-").FullName;
        try
        {
            var first = await StartAsync(storage, mountPath);
            var second = await StartAsync(storage, mountPath);
            Assert.True(Directory.Exists(mountPath));

            await first.DisposeAsync();
            Assert.True(Directory.Exists(mountPath), "the second simulator still binds onto it");
            await second.DisposeAsync();

            Assert.False(Directory.Exists(mountPath));
            Assert.False(Directory.Exists(top));
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [Fact]
    public async Task Simulator_OnAMountPathThatExisted_LeavesIt()
    {
        var mountPath = Directory.CreateTempSubdirectory("mount-point-existing-").FullName;
        var storage = Directory.CreateTempSubdirectory("mount-point-").FullName;
        try
        {
            var simulator = await StartAsync(storage, mountPath);
            await simulator.DisposeAsync();

            Assert.True(Directory.Exists(mountPath));
        }
        finally
        {
            Directory.Delete(mountPath);
            Directory.Delete(storage, recursive: true);
        }
    }

    private static Task<ClusterSimulator> StartAsync(string storage, string mountPath) =>
        ClusterSimulator.StartAsync(
            new ClusterScenario { StorageDirectory = storage, MountPath = mountPath },
            Path.Combine(storage, "work-" + Guid.NewGuid().ToString("N")));
}

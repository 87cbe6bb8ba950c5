using Bot.Core.Investigations;
using Bot.Kubernetes.Api;
using Bot.Kubernetes.Tests.Diagnosis;
using Bot.Kubernetes.Tests.Lab;
using Bot.Kubernetes.Volume;
using Bot.Lab.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Bot.Kubernetes.Tests.Cluster;

public sealed class VolumeStepTests
{
    private static readonly string EmptyHex = new('e', 64);
    private static readonly string BigHex = new('b', 64);

    [Fact]
    public async Task Run_StorageWithEmptyFilesAndUploads_CountsWhatTheRealFindSees()
    {
        await using var lab = await LabCluster.StartAsync(setup =>
        {
            setup.Layout.Blob(EmptyHex, 0);
            setup.Layout.Blob(BigHex, 600 * 1024);
            setup.Layout.Link("app", EmptyHex, empty: true);
            setup.Layout.Link("app", BigHex, empty: false);
            setup.Layout.Upload("app", "0b8c8a3e-1111-4c1e-9c0a-7f3a4c2d1e00", 512 * 1024);
            return setup.Scenario;
        });
        var clues = Investigations.BrokenCache() with
        {
            BrokenBlobs = [new BrokenBlob("sha256:" + EmptyHex, "empty", "layer", 4821, 0)],
        };

        var result = await lab.VolumeStep().RunAsync(clues, CancellationToken.None);

        Assert.Equal(StepStatus.Fine, result.Status);
        Assert.Equal(VolumeFindings.Ok, result.Finding.Code);
        Assert.Equal(1, result.Clues.ZeroByteBlobFiles);
        Assert.Equal(1, result.Clues.ZeroByteLinks);
        Assert.InRange(result.Clues.UploadsBytes!.Value, 512 * 1024, 600 * 1024);
        Assert.True(result.Clues.BrokenBlobOnDisk);
        Assert.Equal(0, result.Clues.BrokenBlobSizeOnDisk);
        Assert.Contains(result.Evidence, e => e.Request == "largest blobs" && e.Answer.Contains("sha256:" + BigHex));
        Assert.Equal("harbor-registry", result.Clues.PvcName);
        Assert.Equal("50Gi", result.Clues.PvcRequestedSize);
        Assert.True(result.Clues.VolumeExpandable);
        Assert.False(result.Clues.VolumeResizeInProgress);
        Assert.Equal(90, result.Clues.VolumeFullThresholdPercent);
    }

    [Fact]
    public async Task Run_BrokenDigestNotSha256_IsNeverUsedInAPath()
    {
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario);
        var clues = Investigations.BrokenCache() with
        {
            BrokenBlobs = [new BrokenBlob("sha256:../../etc/passwd", "missing", "layer", 1, null)],
        };

        var result = await lab.VolumeStep().RunAsync(clues, CancellationToken.None);

        Assert.Null(result.Clues.BrokenBlobOnDisk);
        Assert.DoesNotContain(
            result.Evidence, e => e.Request.StartsWith("exec harbor-registry-0: stat", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, e => e.Answer.Contains("is not a sha256 digest"));
    }

    [Fact]
    public async Task Run_PvcResizePending_IsReportedAsInProgress()
    {
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario with
        {
            PvcConditions = ["FileSystemResizePending"],
            PvcAllocatedResourceStatus = "NodeResizePending",
        });

        var result = await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.True(result.Clues.VolumeResizeInProgress);
        Assert.Contains(result.Evidence, e => e.Answer.Contains("FileSystemResizePending=True"));
    }

    [Fact]
    public async Task Run_NoPodMatchesSelector_FindingSaysPodNotFound()
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario, o => o.LabelSelector = "component=nothing-here");

        var result = await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(VolumeFindings.PodNotFound, result.Finding.Code);
    }

    [Fact]
    public async Task Run_PvcDeleted_FindingNamesTheMissingPvc()
    {
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario with { PvcExists = false });

        var result = await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(VolumeFindings.PvcNotFound, result.Finding.Code);
        Assert.Equal("harbor-registry", result.Finding.Facts["name"]);
    }

    [Fact]
    public async Task Run_PodListForbidden_FindingNamesListPods()
    {
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario with
        {
            Forbidden = [new ForbiddenRule { Verb = "list", Resource = "pods" }],
        });

        var result = await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(VolumeFindings.Forbidden, result.Finding.Code);
        Assert.Equal("list", result.Finding.Facts["verb"]);
        Assert.Equal("pods", result.Finding.Facts["resource"]);
    }

    [Fact]
    public async Task Run_StorageClassAndLogForbidden_StillMeasuresTheVolumeAndSaysWhatWasNotRead()
    {
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario with
        {
            Forbidden =
            [
                new ForbiddenRule { Verb = "get", Resource = "storageclasses" },
                new ForbiddenRule { Verb = "get", Resource = "pods/log" },
            ],
        });

        var result = await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(VolumeFindings.Ok, result.Finding.Code);
        Assert.Null(result.Clues.VolumeExpandable);
        Assert.Contains(result.Evidence, e => e.Answer.Contains("forbidden") && e.Request.Contains("storageclasses"));
        Assert.Contains(result.Evidence, e => e.Answer.Contains("not read: forbidden: get pods/log"));
    }

    [Fact]
    public async Task Run_WrongContainerName_FindingSaysContainerNotFound()
    {
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario, o => o.Container = "registryctl");

        var result = await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(VolumeFindings.ContainerNotFound, result.Finding.Code);
    }

    [Fact]
    public async Task Run_StorageNotMountedWhereConfigured_FindingSaysMountNotFound()
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario, o => o.StorageMountPath = "/var/lib/registry");

        var result = await lab.VolumeStep().RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(VolumeFindings.MountNotFound, result.Finding.Code);
    }

    [Fact]
    public async Task Run_ApiNotListening_FindingSaysUnreachable()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: gone
              cluster:
                server: http://127.0.0.1:{Bot.Lab.Hosting.FreePort.Next()}
            users:
            - name: bot
              user:
                token: x
            contexts:
            - name: gone
              context:
                cluster: gone
                user: bot
            current-context: gone
            """);
        var options = MsOptions.Create(new ClusterOptions { Kubeconfig = kubeconfig, Namespace = "harbor" });
        var api = new ClusterApi(new KubernetesFactory(options), options, TimeProvider.System);
        var step = new VolumeStep(api, NullLogger<VolumeStep>.Instance);

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        File.Delete(kubeconfig);
        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(VolumeFindings.Unreachable, result.Finding.Code);
    }

    [Fact]
    public async Task Run_KubeconfigMissing_FindingSaysNoConfig()
    {
        var options = MsOptions.Create(
            new ClusterOptions { Kubeconfig = "/nonexistent/kubeconfig", Namespace = "harbor" });
        var api = new ClusterApi(new KubernetesFactory(options), options, TimeProvider.System);
        var step = new VolumeStep(api, NullLogger<VolumeStep>.Instance);

        var result = await step.RunAsync(new Clues(), CancellationToken.None);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(VolumeFindings.NoConfig, result.Finding.Code);
    }

    [Theory]
    [InlineData(null, false, false, false)]
    [InlineData("  ", false, false, false)]
    [InlineData("/etc/kube/bot.yaml", false, false, true)]
    [InlineData(null, true, false, true)]
    [InlineData(null, false, true, true)]
    public void HasDefaultConfig_OnlyWithSomethingToRead(
        string? variable, bool defaultFile, bool inCluster, bool expected)
    {
        Assert.Equal(expected, KubernetesFactory.HasDefaultConfig(variable, defaultFile, inCluster));
    }
}

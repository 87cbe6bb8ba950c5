using Bot.Lab.Scenarios;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Scenarios;

public sealed class ClusterSectionTests
{
    private const StringComparison O = StringComparison.Ordinal;

    private const string Base = """
        name: tiny
        story: A tiny scenario.
        registry:
          name: registry.internal:5000
          volume: 16Mi
        failure:
          kind: none
        ci:
          owner: acme
          repository: app
          runId: 42
          jobs:
            - name: build
              conclusion: failure
              log: "2026-03-20T09:14:01.0000000Z boom"

        """;

    private const string GcPods = """
          gcPods:
            - name: registry-gc-100-a
              labels: {job-name: registry-gc-100}
              phase: Failed
              startedAt: 2d ago
              log: "{{ pod.started_at }} GC failed"
            - name: registry-gc-200-b
              labels: {job-name: registry-gc-200}
              startedAt: 2026-12-01T02:00:00Z
              log: "{{ pod.started_at }} ok"

        """;

    [Fact]
    public void Parse_NoClusterSection_LeavesClusterNull()
    {
        var scenario = ScenarioFiles.FromText(Base);

        Assert.Null(scenario.Cluster);
    }

    [Fact]
    public void Parse_EmptyishClusterSection_DefaultsToHarborAndThePvcToTheVolumeSize()
    {
        var cluster = ScenarioFiles.FromText(Base + "cluster:\n  namespace: harbor\n").Cluster!;

        Assert.Equal("harbor-registry-0", cluster.Pod);
        Assert.Equal("app=harbor,component=registry", cluster.LabelSelector);
        Assert.Equal("/storage", cluster.MountPath);
        Assert.Equal("harbor-registry", cluster.PvcName);
        Assert.Equal("16Mi", cluster.PvcRequestedSize);
        Assert.Equal("16Mi", cluster.PvcCapacity);
        Assert.Equal("Bound", cluster.PvcPhase);
        Assert.True(cluster.AllowVolumeExpansion);
        Assert.Null(cluster.GcSelector);
        Assert.Empty(cluster.Forbidden);
    }

    [Fact]
    public void Parse_FullClusterSection_ReadsEveryKey()
    {
        var yaml = Base + """
            cluster:
              namespace: registry
              pod: registry-0
              podLabels: {app: registry}
              container: distribution
              mountPath: /var/lib/registry
              pvc:
                name: registry-data
                exists: true
                requestedSize: 32Mi
                capacity: 16Mi
                phase: Bound
                conditions: [FileSystemResizePending]
                allocatedResourceStatus: NodeResizePending
              storageClass: {name: slow, allowVolumeExpansion: false}
              forbidden:
                - {verb: create, resource: pods/exec}

            """ + GcPods;

        var cluster = ScenarioFiles.FromText(yaml).Cluster!;

        Assert.Equal(("registry", "registry-0", "distribution"), (cluster.Namespace, cluster.Pod, cluster.Container));
        Assert.Equal("app=registry", cluster.LabelSelector);
        Assert.Equal("/var/lib/registry", cluster.MountPath);
        Assert.Equal(("32Mi", "16Mi"), (cluster.PvcRequestedSize, cluster.PvcCapacity));
        Assert.Equal(["FileSystemResizePending"], cluster.PvcConditions);
        Assert.Equal("NodeResizePending", cluster.PvcAllocatedResourceStatus);
        Assert.Equal(("slow", false), (cluster.StorageClass, cluster.AllowVolumeExpansion));
        Assert.Equal(new ForbiddenSpec("create", "pods/exec"), Assert.Single(cluster.Forbidden));
        Assert.Equal(new GcPodsSelector("CronJob", "registry-gc", "gc"), cluster.GcSelector);
        Assert.Equal(["Failed", "Succeeded"], cluster.GcPods.Select(p => p.Phase));
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddDays(-2), cluster.GcPods[0].StartedAt.Resolve(now));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), cluster.GcPods[1].StartedAt.Resolve(now));
    }

    [Fact]
    public void Parse_GcPodsOfOneJob_SelectsTheJob()
    {
        var yaml = Base + "cluster:\n" + GcPods.Replace("registry-gc-200}", "registry-gc-100}", O);

        var cluster = ScenarioFiles.FromText(yaml).Cluster!;

        Assert.Equal(new GcPodsSelector("Job", "registry-gc-100", "gc"), cluster.GcSelector);
    }

    [Fact]
    public void Parse_OneUnlabelledGcPod_SelectsThePod()
    {
        var yaml = Base + """
            cluster:
              gcPods:
                - {name: jobservice-0, container: jobservice, startedAt: 1h ago, log: "x"}

            """;

        var cluster = ScenarioFiles.FromText(yaml).Cluster!;

        Assert.Equal(new GcPodsSelector("Pod", "jobservice-0", "jobservice"), cluster.GcSelector);
    }

    [Fact]
    public void Parse_HarborGc_ReadsEachJobAndNoPodSelector()
    {
        var yaml = Base + """
            cluster:
              harborGc:
                - {id: 7, status: Error, startedAt: 2d ago}
                - {id: 8, status: Success, dryRun: true, startedAt: 1d ago, log: "{{ job.started_at }} ok"}

            """;

        var cluster = ScenarioFiles.FromText(yaml).Cluster!;

        Assert.Equal([(7L, "Error", false, false), (8L, "Success", true, true)],
            cluster.HarborGc.Select(j => (j.Id, j.Status, j.DryRun, j.LogTemplate is not null)));
        Assert.Null(cluster.GcSelector);
    }

    [Theory]
    [InlineData("  harborGc: [{id: 1, status: Done, startedAt: 1d ago}]\n",
        "'cluster.harborGc[0].status' must be one of")]
    [InlineData(
        "  harborGc: [{id: 1, status: Success, startedAt: 1d ago}, " +
        "{id: 1, status: Error, startedAt: 2d ago}]\n",
        "lists job id 1 twice")]
    [InlineData(
        "  harborGc: [{id: 1, status: Success, startedAt: 1d ago}]\n" +
        "  gcPods: [{name: gc-1, startedAt: 1d ago, log: x}]\n",
        "are two GC sources")]
    [InlineData("  pvc: {name: data, size: 1Gi}\n", "'cluster.pvc.size' is not a known key")]
    [InlineData("  colour: red\n", "'cluster.colour' is not a known key")]
    [InlineData("  pvc: {phase: Happy}\n", "'cluster.pvc.phase' must be one of Pending, Bound, Lost")]
    [InlineData("  pvc: {conditions: [Grown]}\n", "'Grown' is not a PVC condition")]
    [InlineData("  pvc: {capacity: 24M}\n", "'cluster.pvc.capacity' must be a size")]
    [InlineData("  namespace: Harbor\n", "'cluster.namespace' 'Harbor' is not a valid Kubernetes name")]
    [InlineData("  mountPath: /usr/local\n", "would hide a system directory")]
    [InlineData("  mountPath: storage\n", "must be an absolute path")]
    [InlineData("  forbidden: [{verb: delete, resource: pods}]\n", "'cluster.forbidden[0].verb' must be one of")]
    [InlineData("  forbidden: [{verb: get, resource: secrets}]\n", "'cluster.forbidden[0].resource' must be one of")]
    [InlineData("  gcPods: [{name: gc-1, startedAt: yesterday, log: x}]\n", "'cluster.gcPods[0].startedAt' must be")]
    [InlineData("  gcPods: [{name: gc-1, startedAt: 1d ago, log: '{{ x'}]\n", "is not a valid Liquid template")]
    [InlineData("  gcPods: [{name: gc-1, startedAt: 1d ago}]\n", "'cluster.gcPods[0].log' is required")]
    [InlineData("  gcPods: [{name: a, startedAt: 1d ago, log: x}, {name: b, startedAt: 1d ago, log: x}]\n",
        "needs a job-name label on every pod")]
    [InlineData("  gcPods: [{name: harbor-registry-0, startedAt: 1d ago, log: x}]\n", "names the registry pod")]
    public void Parse_BadClusterSection_NamesTheKey(string section, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioFiles.FromText(Base + "cluster:\n" + section));

        Assert.Contains(expected, error.Message, O);
        Assert.StartsWith("test.yaml:", error.Message, O);
    }
}

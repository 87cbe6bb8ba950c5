using Bot.Kubernetes.Tests.Lab;

namespace Bot.Kubernetes.Tests.Cluster;

public sealed class SmokeTests
{
    [Fact]
    public async Task Exec_DfOnStorage_SeesTheTmpfs()
    {
        await using var lab = await LabCluster.StartAsync(setup =>
        {
            setup.Layout.FillTo(50, LabCluster.TmpfsBytes);
            return setup.Scenario;
        });

        var result = await lab.Api().ExecAsync("harbor-registry-0", ["df", "-P", "/storage"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("/storage", result.Stdout);
        Assert.Contains("8192", result.Stdout);
    }

    [Fact]
    public async Task Exec_ArgumentWithShellSyntax_ReachesTheProgramVerbatim()
    {
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario);

        var result = await lab.Api().ExecAsync("harbor-registry-0", ["echo", "$(id -u); ls /"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("$(id -u); ls /", result.Stdout.Trim());
    }

    [Fact]
    public async Task Exec_FailingCommand_ReturnsItsExitCodeAndStderr()
    {
        await using var lab = await LabCluster.StartAsync(setup => setup.Scenario);

        var result = await lab.Api().ExecAsync(
            "harbor-registry-0", ["stat", "-c", "%s", "/storage/nope"], CancellationToken.None);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No such file", result.Stderr);
    }

    [Fact]
    public async Task Exec_CommandOutlivesTheTimeout_IsTimedOutNotHung()
    {
        await using var lab = await LabCluster.StartAsync(
            setup => setup.Scenario, o => o.ExecTimeout = TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<Bot.Kubernetes.Api.ClusterCallException>(
            () => lab.Api().ExecAsync("harbor-registry-0", ["sleep", "30"], CancellationToken.None));

        Assert.Equal(Bot.Kubernetes.Api.ClusterProblemKinds.TimedOut, error.Problem.Kind);
    }
}

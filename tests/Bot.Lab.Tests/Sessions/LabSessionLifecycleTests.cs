using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Sessions;

public sealed class LabSessionLifecycleTests : IDisposable
{
    private const string Tiny = """
        name: tiny
        story: A tiny scenario.
        registry:
          name: registry.internal:5000
          volume: 8Mi
          blobDescriptorCache: true
        caches:
          - repository: app
            tag: cache
            layers: [64Ki, 16Ki]
        failure:
          kind: zero-byte-link
          restart: RESTART
        ci:
          owner: acme
          repository: app
          runId: 1
          jobs:
            - name: build
              conclusion: failure
              log: "2026-03-20T09:14:01.0000000Z {{ broken.digest }}"
        """;

    private readonly LabSessionOptions _options =
        new() { RootDirectory = Path.Combine(SessionFixture.TestRoot, $"lifecycle-{Guid.NewGuid():N}") };

    [Fact]
    public async Task DisposeAsync_StartedSession_KillsRegistryUnmountsAndDeletesItsDirectory()
    {
        var session = await LabSession.StartAsync(Scenario(restart: true), _options);
        var pid = session.RegistryProcessId!.Value;
        var volume = session.VolumePath;
        Assert.True(OnDisk.ProcessRuns(pid));
        Assert.True(OnDisk.IsMounted(volume));

        await session.DisposeAsync();

        Assert.False(OnDisk.ProcessRuns(pid));
        Assert.False(OnDisk.IsMounted(volume));
        Assert.False(Directory.Exists(session.Directory));
    }

    [Fact]
    public async Task StartAsync_InductionThatDoesNotTake_FailsLoudlyAndCleansUp()
    {
        var scenario = Scenario(restart: false);

        var error = await Assert.ThrowsAsync<LabSetupException>(() => LabSession.StartAsync(scenario, _options));

        Assert.Contains("did not produce the intended registry state", error.Message, StringComparison.Ordinal);
        Assert.Contains("restart: true", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_options.RootDirectory));
        Assert.DoesNotContain(_options.RootDirectory, File.ReadAllText("/proc/mounts"), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_options.RootDirectory, recursive: false);

    private static Scenario Scenario(bool restart) =>
        ScenarioFiles.FromText(Tiny.Replace("RESTART", restart ? "true" : "false", StringComparison.Ordinal));
}

using Bot.Core.Investigations;
using Bot.Lab.Registry;
using Bot.Registry.Tests.Support;

namespace Bot.Registry.Tests.Lab;

public sealed class RegistryDownTests
{
    [Fact]
    public async Task Walk_RegistryStopped_ManifestCouldNotCheckAsUnreachable()
    {
        var root = Path.Combine(Path.GetTempPath(), "bot-registry-down-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new RegistrySettings
        {
            DataDirectory = Path.Combine(root, "data"),
            WorkDirectory = Path.Combine(root, "work"),
        };
        var registry = await RegistryProcess.StartAsync(settings, default);
        var harness = new Harness(new SocketsHttpHandler(), registry.BaseUri);
        await registry.StopAsync();

        var result = await harness.ManifestStep.RunAsync(
            new Clues { ImageRef = $"{Harness.RegistryName}/app:cache" }, default);

        Assert.Equal(StepStatus.CouldNotCheck, result.Status);
        Assert.Equal(RegistryProblems.Unreachable, result.Clues.RegistryProblem);
        Assert.Equal("manifest.unreachable", result.Finding.Code);
        Directory.Delete(root, recursive: true);
    }
}

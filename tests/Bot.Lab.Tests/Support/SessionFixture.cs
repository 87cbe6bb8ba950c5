using Bot.Lab.Sessions;

namespace Bot.Lab.Tests.Support;

/// <summary>
/// One real lab session per scenario file, shared by the tests of a class: a real tmpfs, a real
/// registry, real pushes. Started once, disposed after the class.
/// </summary>
public abstract class SessionFixture(string scenarioFile) : IAsyncLifetime
{
    public static readonly string TestRoot = Path.Combine(Path.GetTempPath(), "triage-lab-tests");

    public LabSession Session { get; private set; } = null!;

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync() => await Session.DisposeAsync();

    private async Task StartAsync() =>
        Session = await LabSession.StartAsync(
            ScenarioFiles.Load(scenarioFile), new LabSessionOptions { RootDirectory = TestRoot });
}

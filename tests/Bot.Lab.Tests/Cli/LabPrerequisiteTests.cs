using Bot.Lab.Cli;
using Bot.Lab.Sessions;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Cli;

/// <summary>
/// What the lab needs and does not install: each missing piece ends the run with exit 3 and a
/// message naming the fix, and leaves nothing mounted or behind.
/// </summary>
public sealed class LabPrerequisiteTests : IDisposable
{
    private readonly string _root = Path.Combine(SessionFixture.TestRoot, $"prereq-{Guid.NewGuid():N}");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Run_RegistryBinaryMissing_Exits3NamingTheInstall()
    {
        var missing = Path.Combine(SessionFixture.TestRoot, "no-such-docker-registry");

        var code = await RunAsync(new LabSessionOptions { RootDirectory = _root, RegistryBinary = missing });

        Assert.Equal(LabCommandLine.Prerequisite, code);
        Assert.Contains($"{missing} is missing", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("apt-get install -y docker-registry", _error.ToString(), StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_MountNotPermitted_Exits3SayingToRunAsRoot()
    {
        // The real mount, run as nobody: it refuses exactly as it does for a lab started without root.
        string[] asNobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "mount"];

        var code = await RunAsync(new LabSessionOptions { RootDirectory = _root, MountCommand = asNobody });

        Assert.Equal(LabCommandLine.Prerequisite, code);
        Assert.Contains("Could not mount a", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("superuser", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("run it as root (or with CAP_SYS_ADMIN)", _error.ToString(), StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_MountProgramMissing_Exits3NamingTheProgramAndThePackage()
    {
        var missing = Path.Combine(SessionFixture.TestRoot, "no-such-mount");

        var code = await RunAsync(new LabSessionOptions { RootDirectory = _root, MountCommand = [missing] });

        Assert.Equal(LabCommandLine.Prerequisite, code);
        Assert.Contains(missing, _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("apt-get install -y util-linux bsdutils", _error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _error.ToString(), StringComparison.Ordinal);
        AssertNothingLeft();
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private Task<int> RunAsync(LabSessionOptions options) =>
        LabCommandLine.RunAsync(
            ["run", ScenarioFiles.PathOf("seed.yaml"), "--json"], TextReader.Null, _output, _error,
            CancellationToken.None, options);

    private void AssertNothingLeft()
    {
        Assert.Empty(_output.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
        Assert.DoesNotContain(_root, File.ReadAllText("/proc/mounts"), StringComparison.Ordinal);
    }
}

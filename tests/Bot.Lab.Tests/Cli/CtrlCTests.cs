using System.Diagnostics;
using System.Globalization;
using Bot.Lab.Cli;
using Bot.Lab.Tests.Support;

namespace Bot.Lab.Tests.Cli;

/// <summary>
/// Ctrl-C the way a person presses it: a real SIGINT to a real <c>Bot.Lab run</c> process, sent
/// once the registry it started is serving. Everything that process started must be gone after.
/// </summary>
public sealed class CtrlCTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_SigintOnceTheRegistryServes_Exits130AndLeavesNothingBehind()
    {
        using var lab = StartLab("run", ScenarioFiles.PathOf("seed.yaml"));
        var output = lab.StandardOutput.ReadToEndAsync();
        var error = lab.StandardError.ReadToEndAsync();

        var registry = await WaitForServingRegistryAsync(lab);
        Signals.Interrupt(lab.Id);
        await lab.WaitForExitAsync().WaitAsync(Patience);

        Assert.True(lab.ExitCode == LabCommandLine.Cancelled, $"exit {lab.ExitCode}: {await error}{await output}");
        Assert.Contains(
            "Cancelled; the lab session was stopped and cleaned up.", await error, StringComparison.Ordinal);
        Assert.False(IsAlive(registry.Pid), $"docker-registry {registry.Pid} is still running");
        Assert.False(Directory.Exists(registry.SessionDirectory), $"{registry.SessionDirectory} is still there");
        Assert.DoesNotContain(registry.SessionDirectory, File.ReadAllText("/proc/mounts"), StringComparison.Ordinal);
    }

    private static Process StartLab(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bot.Lab.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>
    /// The docker-registry the lab process started (its child), once its log says it listens. The
    /// session directory comes from the config path on its command line.
    /// </summary>
    private static async Task<(int Pid, string SessionDirectory)> WaitForServingRegistryAsync(Process lab)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            if (lab.HasExited)
                Assert.Fail($"the lab exited ({lab.ExitCode}) before its registry served");
            if (RegistryChildOf(lab.Id) is { } registry)
            {
                var log = Path.Combine(registry.SessionDirectory, "registry", "registry.log");
                if (File.Exists(log) && ReadShared(log).Contains("listening on", StringComparison.Ordinal))
                    return registry;
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    private static (int Pid, string SessionDirectory)? RegistryChildOf(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
                continue;

            try
            {
                var argv = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (argv is not [var binary, "serve", var config, ..]
                    || !binary.EndsWith("docker-registry", StringComparison.Ordinal))
                    continue;
                if (ParentOf(directory) == parent)
                    return (pid, Path.GetDirectoryName(Path.GetDirectoryName(config))!);
            }
            catch (IOException)
            {
                // The process ended while we read it.
            }
        }

        return null;
    }

    private static int ParentOf(string procDirectory)
    {
        var line = File.ReadLines(Path.Combine(procDirectory, "status"))
            .First(l => l.StartsWith("PPid:", StringComparison.Ordinal));
        return int.Parse(line["PPid:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool IsAlive(int pid)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        try
        {
            return File.Exists(cmdline)
                && File.ReadAllText(cmdline).Contains("docker-registry", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}

using System.Diagnostics;

namespace Bot.Lab.Cluster;

/// <summary>
/// A private mount namespace in which the pod's mount path is a bind mount of a lab directory.
/// A sleeping holder process keeps the namespace alive; every exec enters it with <c>nsenter</c>
/// and runs the requested program straight from its argument array — no shell anywhere. The
/// bind mount is invisible outside; killing the holder tears the namespace and the mount down.
/// </summary>
internal sealed class MountNamespace : IAsyncDisposable
{
    private static readonly TimeSpan EnterTimeout = TimeSpan.FromSeconds(5);
    private readonly Process _holder;
    private readonly MountPoint _mountPoint;

    private MountNamespace(Process holder, MountPoint mountPoint)
    {
        _holder = holder;
        _mountPoint = mountPoint;
    }

    public int HolderPid => _holder.Id;

    public static async Task<MountNamespace> CreateAsync(
        string directory, string mountPath, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
            throw new LabPrerequisiteException($"The storage directory {directory} does not exist.");

        // The mount point must exist on the host to bind onto; the last simulator using it removes it.
        var mountPoint = await MountPoint.AcquireAsync(mountPath, cancellationToken);
        Process? holder;
        try
        {
            var start = new ProcessStartInfo("unshare") { RedirectStandardError = true };
            foreach (var argument in new[] { "--mount", "--propagation", "private", "sleep", "infinity" })
                start.ArgumentList.Add(argument);
            holder = Process.Start(start);
        }
        catch
        {
            mountPoint.Dispose();
            throw;
        }

        if (holder is null)
        {
            mountPoint.Dispose();
            throw new LabPrerequisiteException("Could not start unshare.");
        }

        var space = new MountNamespace(holder, mountPoint);
        try
        {
            await space.WaitUntilSeparateAsync(cancellationToken);
            var (code, error) = await space.RunAsync(["mount", "--bind", directory, mountPath], cancellationToken);
            if (code != 0)
            {
                throw new LabPrerequisiteException(
                    $"Could not bind {directory} on {mountPath} in a private mount namespace: {error.Trim()}");
            }

            return space;
        }
        catch
        {
            await space.DisposeAsync();
            throw;
        }
    }

    /// <summary>The start info for running <paramref name="command"/> inside the namespace.</summary>
    public ProcessStartInfo StartInfo(IReadOnlyList<string> command)
    {
        var start = new ProcessStartInfo("nsenter")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = "/",
        };
        var pid = HolderPid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in new[] { "--target", pid, "--mount", "--" })
            start.ArgumentList.Add(argument);
        foreach (var argument in command)
            start.ArgumentList.Add(argument);
        return start;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_holder.HasExited)
        {
            _holder.Kill();
            await _holder.WaitForExitAsync();
        }

        _holder.Dispose();
        _mountPoint.Dispose();
    }

    /// <summary>
    /// unshare creates the namespace and then execs sleep; entering before that would bind-mount
    /// on the host. So wait until the holder's mount namespace differs from ours.
    /// </summary>
    private async Task WaitUntilSeparateAsync(CancellationToken cancellationToken)
    {
        var ours = ReadLink("/proc/self/ns/mnt");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < EnterTimeout)
        {
            if (_holder.HasExited)
            {
                var error = await _holder.StandardError.ReadToEndAsync(cancellationToken);
                throw new LabPrerequisiteException(
                    $"unshare --mount failed: {error.Trim()} The simulator needs root (CAP_SYS_ADMIN).");
            }

            var theirs = ReadLink($"/proc/{HolderPid}/ns/mnt");
            if (theirs is not null && theirs != ours)
                return;

            await Task.Delay(10, cancellationToken);
        }

        throw new LabPrerequisiteException("unshare did not create a mount namespace in time.");
    }

    private async Task<(int Code, string Error)> RunAsync(
        IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(command))
            ?? throw new LabPrerequisiteException("Could not start nsenter.");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await error);
    }

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

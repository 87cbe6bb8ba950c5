using System.Diagnostics;

namespace Bot.Lab.Registry;

/// <summary>
/// A tmpfs of a fixed size: a disk that really fills up, so a push really fails with
/// "no space left on device". Mounting needs root (or CAP_SYS_ADMIN).
/// </summary>
public sealed class Tmpfs : IAsyncDisposable
{
    private Tmpfs(string path, long sizeBytes)
    {
        Path = path;
        SizeBytes = sizeBytes;
    }

    public string Path { get; }

    public long SizeBytes { get; }

    public static async Task<Tmpfs> MountAsync(string path, long sizeBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        var (code, error) = await RunAsync("mount", ["-t", "tmpfs", "-o", $"size={sizeBytes}", "tmpfs", path], cancellationToken);
        if (code != 0)
        {
            throw new LabPrerequisiteException(
                $"Could not mount a {sizeBytes / 1024 / 1024} MiB tmpfs at {path}: {error.Trim()} " +
                "The lab needs to mount a tmpfs to make a real full disk: run it as root (or with CAP_SYS_ADMIN).");
        }

        return new Tmpfs(path, sizeBytes);
    }

    public async ValueTask DisposeAsync()
    {
        // Lazy unmount: a registry we just killed may still hold a file open for a moment.
        await RunAsync("umount", ["-l", Path], CancellationToken.None);
    }

    private static async Task<(int Code, string Error)> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new LabPrerequisiteException($"Could not start '{program}'.");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, error);
    }
}

using System.Diagnostics;

namespace Bot.Lab.Registry;

/// <summary>
/// A tmpfs of a fixed size: a disk that really fills up, so a push really fails with
/// "no space left on device". Mounting needs root (or CAP_SYS_ADMIN).
/// </summary>
public sealed class Tmpfs : IAsyncDisposable
{
    private readonly IReadOnlyList<string> _unmountCommand;

    private Tmpfs(string path, long sizeBytes, IReadOnlyList<string> unmountCommand)
    {
        Path = path;
        SizeBytes = sizeBytes;
        _unmountCommand = unmountCommand;
    }

    public static IReadOnlyList<string> DefaultMountCommand { get; } = ["mount"];

    public static IReadOnlyList<string> DefaultUnmountCommand { get; } = ["umount"];

    public string Path { get; }

    public long SizeBytes { get; }

    public static Task<Tmpfs> MountAsync(string path, long sizeBytes, CancellationToken cancellationToken) =>
        MountAsync(path, sizeBytes, DefaultMountCommand, DefaultUnmountCommand, cancellationToken);

    /// <param name="mountCommand">The program and its leading arguments (<c>mount</c>, or <c>sudo mount</c>).</param>
    /// <param name="unmountCommand">Likewise for <c>umount</c>, run on dispose.</param>
    public static async Task<Tmpfs> MountAsync(
        string path,
        long sizeBytes,
        IReadOnlyList<string> mountCommand,
        IReadOnlyList<string> unmountCommand,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        string[] arguments = ["-t", "tmpfs", "-o", $"size={sizeBytes}", "tmpfs", path];
        var (code, error) = await RunAsync(mountCommand, arguments, cancellationToken);
        if (code != 0)
        {
            throw new LabPrerequisiteException(
                $"Could not mount a {sizeBytes / 1024 / 1024} MiB tmpfs at {path}: {error.Trim()} " +
                "The lab needs to mount a tmpfs to make a real full disk: run it as root (or with CAP_SYS_ADMIN).");
        }

        return new Tmpfs(path, sizeBytes, unmountCommand);
    }

    public async ValueTask DisposeAsync()
    {
        // Lazy unmount: a registry we just killed may still hold a file open for a moment.
        await RunAsync(_unmountCommand, ["-l", Path], CancellationToken.None);
    }

    private static async Task<(int Code, string Error)> RunAsync(
        IReadOnlyList<string> command, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in command.Skip(1).Concat(arguments))
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)
            ?? throw new LabPrerequisiteException($"Could not start '{command[0]}'.");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, error);
    }
}

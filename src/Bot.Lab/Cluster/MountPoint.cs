using System.Security.Cryptography;
using System.Text;

namespace Bot.Lab.Cluster;

/// <summary>
/// The host directory a pod's mount path binds onto (<c>/storage</c>). The lab creates it only when
/// it is missing, and removes what it created when the last simulator using it, in any process,
/// has gone. A shared <c>flock</c> on a lock file marks each user; whoever then gets the lock
/// alone is the last. Removing it earlier would lazily unmount it in the namespaces still using it.
/// </summary>
internal sealed class MountPoint : IDisposable
{
    private const string LockDirectory = "/run/triage-lab/mount-points";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(20);

    private readonly FileStream _shared;
    private readonly string _lockPath;
    private readonly string _markerPath;

    private MountPoint(FileStream shared, string lockPath, string markerPath)
    {
        _shared = shared;
        _lockPath = lockPath;
        _markerPath = markerPath;
    }

    public static async Task<MountPoint> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(LockDirectory);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];
        var lockPath = Path.Combine(LockDirectory, key + ".lock");
        var markerPath = Path.Combine(LockDirectory, key + ".created");

        var shared = await LockAsync(lockPath, cancellationToken);
        try
        {
            // The marker lists what the lab created, deepest first, so removal never touches a host folder.
            var created = MissingAncestors(path);
            if (created.Count > 0)
            {
                var known = File.Exists(markerPath) ? await File.ReadAllLinesAsync(markerPath, cancellationToken) : [];
                await File.WriteAllLinesAsync(markerPath, [.. created, .. known], cancellationToken);
                Directory.CreateDirectory(path);
            }

            return new MountPoint(shared, lockPath, markerPath);
        }
        catch
        {
            await shared.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        _shared.Dispose();

        FileStream alone;
        try
        {
            alone = new FileStream(_lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            // Another simulator still binds onto it (or is removing it right now).
            return;
        }

        using (alone)
        {
            if (!File.Exists(_markerPath))
                return;

            foreach (var directory in File.ReadAllLines(_markerPath))
                RemoveIfEmpty(directory);
            File.Delete(_markerPath);
        }
    }

    /// <summary>A shared lock: many simulators at once, but none while the last one is removing the folder.</summary>
    private static async Task<FileStream> LockAsync(string lockPath, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; ; waited += LockRetry)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            catch (IOException e) when (waited >= LockTimeout)
            {
                throw new LabPrerequisiteException($"The mount point lock {lockPath} stayed busy: {e.Message}");
            }
            catch (IOException)
            {
                await Task.Delay(LockRetry, cancellationToken);
            }
        }
    }

    private static List<string> MissingAncestors(string path)
    {
        var missing = new List<string>();
        for (var directory = Path.GetFullPath(path); directory is not null && !Directory.Exists(directory);
             directory = Path.GetDirectoryName(directory))
        {
            missing.Add(directory);
        }

        return missing;
    }

    private static void RemoveIfEmpty(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                Directory.Delete(directory);
        }
        catch (IOException)
        {
            // Something else put a file there meanwhile: it stays.
        }
    }
}

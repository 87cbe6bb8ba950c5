namespace Bot.Lab.Tests.Support;

/// <summary>distribution 2.8's files, located independently of the lab's own layout code.</summary>
internal static class OnDisk
{
    public static string LayerLink(string dataDirectory, string repository, string digest) =>
        $"{dataDirectory}/docker/registry/v2/repositories/{repository}/_layers/sha256/{digest[7..]}/link";

    public static string BlobData(string dataDirectory, string digest) =>
        $"{dataDirectory}/docker/registry/v2/blobs/sha256/{digest[7..9]}/{digest[7..]}/data";

    public static bool IsMounted(string path) =>
        File.ReadAllLines("/proc/mounts").Any(line => line.Split(' ')[1] == path);

    public static bool ProcessRuns(int pid) => Directory.Exists($"/proc/{pid}");

    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

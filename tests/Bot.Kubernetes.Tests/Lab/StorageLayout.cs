namespace Bot.Kubernetes.Tests.Lab;

/// <summary>
/// Writes files where distribution 2.8 keeps them (DOMAIN §4.1), to be found by the real df/find/stat.
/// </summary>
internal sealed class StorageLayout(string storageRoot)
{
    public string V2 => Path.Combine(storageRoot, "docker", "registry", "v2");

    public string Blob(string hex, long size)
    {
        var dir = Path.Combine(V2, "blobs", "sha256", hex[..2], hex);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "data");
        using var file = File.Create(path);
        file.SetLength(0);
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        for (long written = 0; written < size; written += chunk.Length)
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
        return path;
    }

    public void Link(string repository, string hex, bool empty)
    {
        var dir = Path.Combine(V2, "repositories", repository, "_layers", "sha256", hex);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "link"), empty ? "" : "sha256:" + hex);
    }

    public void Upload(string repository, string uuid, long size)
    {
        var dir = Path.Combine(V2, "repositories", repository, "_uploads", uuid);
        Directory.CreateDirectory(dir);
        using var file = File.Create(Path.Combine(dir, "data"));
        file.Write(new byte[size]);
    }

    /// <summary>Fills the file system up to about <paramref name="percent"/> % with one filler file.</summary>
    public void FillTo(int percent, long totalBytes)
    {
        var used = Directory.EnumerateFiles(storageRoot, "*", SearchOption.AllDirectories)
            .Sum(f => new FileInfo(f).Length);
        var target = totalBytes * percent / 100 - used;
        if (target <= 0)
            return;

        using var file = File.Create(Path.Combine(storageRoot, "filler"));
        file.Write(new byte[target]);
    }
}

namespace Bot.Lab.Registry;

/// <summary>
/// Where distribution 2.8 keeps things under its root directory (DOMAIN.md §4.1). The lab damages
/// these files directly for the failures that happen outside the registry's own code paths.
/// </summary>
public sealed class StorageLayout(string dataDirectory)
{
    private string Root => Path.Combine(dataDirectory, "docker", "registry", "v2");

    public string BlobData(string digest) =>
        Path.Combine(Root, "blobs", "sha256", Hex(digest)[..2], Hex(digest), "data");

    public string LayerLink(string repository, string digest) =>
        Path.Combine(Repository(repository), "_layers", "sha256", Hex(digest), "link");

    private string Repository(string repository) => Path.Combine(Root, "repositories", repository);

    private static string Hex(string digest) =>
        digest.StartsWith("sha256:", StringComparison.Ordinal) && digest.Length == 71
            ? digest["sha256:".Length..]
            : throw new ArgumentException($"'{digest}' is not a sha256 digest.", nameof(digest));
}

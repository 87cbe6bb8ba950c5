namespace Bot.Registry.Tests.Lab;

/// <summary>What the fixture pushed for one test: the ref to inspect and the digests to break on disk.</summary>
public sealed record PushedCache(
    string Repository,
    string Tag,
    string ManifestDigest,
    string ConfigDigest,
    IReadOnlyList<string> LayerDigests,
    int ManifestSize)
{
    /// <summary>As a CI log would name it; the harness maps this registry name to the lab's port.</summary>
    public string Ref => $"{Support.Harness.RegistryName}/{Repository}:{Tag}";
}

using Bot.Lab.Content;
using Bot.Lab.Scenarios;

namespace Bot.Lab.Sessions;

/// <summary>An image or a cache as it now stands in the lab registry.</summary>
/// <param name="CacheForm">The BuildKit cache form; null for an image.</param>
public sealed record PushedArtifact(string Repository, string Tag, ManifestDocument Document, CacheForm? CacheForm)
{
    public string Reference => $"{Repository}:{Tag}";

    public string Digest => Document.Digest;

    public bool IsCache => CacheForm is not null;
}

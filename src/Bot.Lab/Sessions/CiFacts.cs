using Bot.Lab.Failures;
using Bot.Lab.Scenarios;

namespace Bot.Lab.Sessions;

/// <summary>
/// The variables a CI log template may use (docs/scenarios.md lists them). Built after the pushes
/// and the induction, so every digest is the registry's own.
/// </summary>
internal static class CiFacts
{
    public static IReadOnlyDictionary<string, object?> Build(
        Scenario scenario, IReadOnlyList<PushedArtifact> pushed, PushedArtifact? target, InducedFailure failure)
    {
        var registry = scenario.Registry.Name;
        var facts = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["registry"] = registry,
            ["scenario"] = scenario.Name,
            ["failure"] = FailureKinds.NameOf(failure.Kind),
            ["run"] = new Dictionary<string, object?>
            {
                ["owner"] = scenario.Ci.Owner,
                ["repository"] = scenario.Ci.Repository,
                ["id"] = scenario.Ci.RunId,
            },
            ["images"] = pushed.Where(p => !p.IsCache).Select(p => Artifact(registry, p)).ToList(),
            ["caches"] = pushed.Where(p => p.IsCache).Select(p => Artifact(registry, p)).ToList(),
        };

        if ((target ?? pushed.FirstOrDefault(p => p.IsCache)) is { } cache)
            facts["cache"] = Artifact(registry, cache);

        if (failure.BrokenBlob is { } broken)
        {
            facts["broken"] = new Dictionary<string, object?>
            {
                ["digest"] = broken.Digest,
                ["size"] = broken.Size,
                ["repository"] = failure.Repository,
                ["url"] = $"https://{registry}/v2/{failure.Repository}/blobs/{broken.Digest}",
            };
        }

        return facts;
    }

    private static Dictionary<string, object?> Artifact(string registry, PushedArtifact artifact) => new()
    {
        ["repository"] = artifact.Repository,
        ["tag"] = artifact.Tag,
        ["ref"] = $"{registry}/{artifact.Reference}",
        ["digest"] = artifact.Digest,
        ["media_type"] = artifact.Document.MediaType,
        ["form"] = artifact.CacheForm switch
        {
            CacheForm.Index => "index",
            CacheForm.ImageManifest => "image-manifest",
            _ => "image",
        },
        ["config_digest"] = artifact.Document.Config.Digest,
        ["layers"] = artifact.Document.Layers.Select(l => l.Digest).ToList(),
    };
}

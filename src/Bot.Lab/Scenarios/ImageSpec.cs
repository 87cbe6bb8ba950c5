namespace Bot.Lab.Scenarios;

/// <summary>An image pushed as the CI build would: its layers, a config, a manifest, a tag.</summary>
public sealed record ImageSpec(string Repository, string Tag, IReadOnlyList<long> LayerSizes)
{
    public string Reference => $"{Repository}:{Tag}";
}

namespace Bot.Lab.Scenarios;

/// <summary>A BuildKit registry cache (<c>cache-to: type=registry,ref=…</c>) as it lands in the registry.</summary>
public sealed record CacheSpec(string Repository, string Tag, CacheForm Form, IReadOnlyList<long> LayerSizes)
{
    public string Reference => $"{Repository}:{Tag}";
}

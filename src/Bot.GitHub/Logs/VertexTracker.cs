namespace Bot.GitHub.Logs;

/// <summary>
/// Remembers what each BuildKit vertex (<c>#N …</c>) is, so that <c>#N ERROR: …</c> can be told
/// apart: the cache export, the image push, or a build step. A vertex's first line is its title
/// (<c>#9 [stage-1 3/4] RUN npm ci</c>); when an excerpt starts mid-vertex, a later progress line
/// such as <c>preparing build cache for export</c> still tells which one it is.
/// </summary>
internal sealed class VertexTracker
{
    public const string ExportingCache = "exporting cache";
    public const string ExportingToImage = "exporting to image";

    // Far more vertices than any real build; past it new ones go unnamed, keeping memory flat.
    private const int MaxVertices = 4096;
    private const int MaxNameLength = 160;

    private readonly Dictionary<int, (string Name, bool IsTitle)> _names = [];

    public void Observe(int number, string text)
    {
        // Most lines are output of a vertex already named; they cost one lookup.
        var isKnown = _names.TryGetValue(number, out var known);
        if (isKnown && known.IsTitle)
            return;

        var hint = HintOf(text);
        var isTitle = hint is not null || IsTitle(text);
        if (isKnown)
        {
            if (isTitle)
                _names[number] = (hint ?? Clip(text), true);
            return;
        }

        if (_names.Count < MaxVertices)
            _names[number] = (hint ?? Clip(text), isTitle);
    }

    /// <summary>
    /// The vertex's name, folded to <see cref="ExportingCache"/> or <see cref="ExportingToImage"/> where it is one.
    /// </summary>
    public string? NameOf(int number) => _names.TryGetValue(number, out var known) && known.IsTitle ? known.Name : null;

    /// <summary>Names a build-step title from an error summary (<c> &gt; [11/19] COPY x .:</c>).</summary>
    public static string StepTitle(string text) => Clip(text.TrimEnd(':').Trim());

    private static string? HintOf(string text)
    {
        if (text.StartsWith("exporting cache", StringComparison.Ordinal)
            || text.StartsWith("preparing build cache for export", StringComparison.Ordinal)
            || text.StartsWith("writing cache manifest", StringComparison.Ordinal)
            || text.StartsWith("writing cache image manifest", StringComparison.Ordinal))
        {
            return ExportingCache;
        }

        if (text.StartsWith("exporting to image", StringComparison.Ordinal)
            || text.StartsWith("exporting to oci image", StringComparison.Ordinal)
            || text.StartsWith("pushing layers", StringComparison.Ordinal)
            || text.StartsWith("pushing manifest for", StringComparison.Ordinal))
        {
            return ExportingToImage;
        }

        return null;
    }

    private static bool IsTitle(string text) =>
        (text.StartsWith('[') && text.Contains("] ", StringComparison.Ordinal))
        || text.StartsWith("importing cache manifest from ", StringComparison.Ordinal)
        || text.StartsWith("resolve image config", StringComparison.Ordinal)
        || text.StartsWith("load ", StringComparison.Ordinal);

    private static string Clip(string text) => text.Length <= MaxNameLength ? text : text[..MaxNameLength] + "…";
}

using System.Diagnostics.CodeAnalysis;
using Bot.Core;
using Bot.Core.Diagnosis;

namespace Bot.Slack.Interactivity;

/// <summary>
/// How a fix button is spelled: <c>action_id</c> <c>fix:&lt;kind&gt;</c> routes the click, and the
/// <c>value</c> <c>&lt;investigation id&gt;|&lt;kind&gt;</c> says which investigation it belongs to.
/// The value is only a lookup key; the click is checked against the stored investigation.
/// </summary>
public static class FixButtons
{
    private const string ActionPrefix = "fix:";

    private static readonly Dictionary<string, FixKind> KindsByName =
        Enum.GetValues<FixKind>().ToDictionary(k => KebabCase.Of(k), StringComparer.Ordinal);

    /// <summary>
    /// Fixes that cannot be taken back, so their buttons ask for confirmation: a deleted manifest
    /// and the blobs GC deletes are gone for good, and a grown volume cannot shrink back. A CI
    /// re-run only repeats what already ran.
    /// </summary>
    private static readonly HashSet<FixKind> Destructive =
        [FixKind.DeleteCacheManifest, FixKind.RunGc, FixKind.ResizePvc];

    public static string ActionId(FixKind kind) => ActionPrefix + KebabCase.Of(kind);

    public static string Value(string investigationId, FixKind kind) => $"{investigationId}|{KebabCase.Of(kind)}";

    public static bool IsDestructive(FixKind kind) => Destructive.Contains(kind);

    /// <summary>The fixes whose buttons ask for confirmation, in the enum's order.</summary>
    public static IEnumerable<FixKind> DestructiveKinds => Enum.GetValues<FixKind>().Where(IsDestructive);

    public static bool TryParseValue(
        string? value, [NotNullWhen(true)] out string? investigationId, out FixKind kind)
    {
        investigationId = null;
        kind = default;
        var bar = value?.LastIndexOf('|') ?? -1;
        if (bar <= 0 || !KindsByName.TryGetValue(value![(bar + 1)..], out kind))
            return false;

        investigationId = value[..bar];
        return true;
    }
}

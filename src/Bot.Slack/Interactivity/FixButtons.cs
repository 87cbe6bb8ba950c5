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

    /// <summary>Fixes that change or delete something; their buttons ask for confirmation.</summary>
    private static readonly HashSet<FixKind> Destructive = [FixKind.DeleteCacheManifest];

    public static string ActionId(FixKind kind) => ActionPrefix + KebabCase.Of(kind);

    public static string Value(string investigationId, FixKind kind) => $"{investigationId}|{KebabCase.Of(kind)}";

    public static bool IsDestructive(FixKind kind) => Destructive.Contains(kind);

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

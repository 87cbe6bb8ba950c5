using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Bot.Lab.Scenarios;

/// <summary>
/// Strict reading of one YAML mapping: every value is checked where it is read, and every key
/// nobody read is an error. Errors name the file, the dotted key path and the line.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly List<string> _read = [];

    public YamlMap(YamlMappingNode node, string path, string file)
    {
        _node = node;
        Path = path;
        File = file;
    }

    public string Path { get; }

    public string File { get; }

    public int Line => (int)_node.Start.Line;

    public static YamlMap From(YamlNode node, string path, string file) =>
        node is YamlMappingNode map
            ? new YamlMap(map, path, file)
            : throw Error(file, node, path, "must be a mapping (key: value lines)");

    public string RequireString(string key) => OptionalString(key) ?? throw Missing(key);

    public string? OptionalString(string key)
    {
        if (Find(key) is not { } node)
            return null;

        if (node is not YamlScalarNode { Value: { } value } || value.Length == 0)
            throw Error(node, key, "must be a non-empty text value");

        return value;
    }

    public bool OptionalBool(string key, bool fallback)
    {
        if (OptionalString(key) is not { } text)
            return fallback;

        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(Find(key)!, key, $"must be true or false, not '{text}'"),
        };
    }

    public long? OptionalLong(string key, long min, long max)
    {
        if (OptionalString(key) is not { } text)
            return null;

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
            throw Error(Find(key)!, key, $"must be a whole number from {min} to {max}, not '{text}'");

        return value;
    }

    public long RequireSize(string key, long min, long max) => OptionalSize(key, min, max) ?? throw Missing(key);

    public long? OptionalSize(string key, long min, long max)
    {
        if (Find(key) is not { } node)
            return null;

        return ParseSize(node, key, min, max);
    }

    public YamlMap RequireMap(string key) =>
        From(Find(key) ?? throw Missing(key), Child(key), File);

    public YamlMap? OptionalMap(string key) =>
        Find(key) is { } node ? From(node, Child(key), File) : null;

    public IReadOnlyList<YamlNode> RequireSequence(string key, int minCount) =>
        OptionalSequence(key, minCount) ?? throw Missing(key);

    public IReadOnlyList<YamlNode>? OptionalSequence(string key, int minCount)
    {
        if (Find(key) is not { } node)
            return null;

        if (node is not YamlSequenceNode sequence)
            throw Error(node, key, "must be a list");

        if (sequence.Children.Count < minCount)
            throw Error(node, key, $"must have at least {minCount} entr{(minCount == 1 ? "y" : "ies")}");

        return sequence.Children.ToList();
    }

    /// <summary>A flow or block mapping of text to text, e.g. <c>{app: harbor, component: registry}</c>.</summary>
    public IReadOnlyDictionary<string, string>? OptionalStringMap(string key)
    {
        if (Find(key) is not { } node)
            return null;

        if (node is not YamlMappingNode map)
            throw Error(node, key, "must be a mapping like {app: harbor}");

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in map.Children)
        {
            if (name is not YamlScalarNode { Value: { Length: > 0 } text }
                || value is not YamlScalarNode { Value: { Length: > 0 } valueText })
                throw Error(name, key, "must map non-empty text to non-empty text");

            result[text] = valueText;
        }

        return result;
    }

    /// <summary>A list of non-empty text values, e.g. <c>[FileSystemResizePending]</c>.</summary>
    public IReadOnlyList<string>? OptionalStrings(string key)
    {
        if (OptionalSequence(key, minCount: 0) is not { } items)
            return null;

        return items.Select((item, i) => item is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw Error(item, $"{key}[{i}]", "must be a non-empty text value")).ToList();
    }

    public IReadOnlyList<long> RequireSizes(string key, long min, long max)
    {
        var items = RequireSequence(key, minCount: 1);
        return items.Select((item, i) => ParseSize(item, $"{key}[{i}]", min, max)).ToList();
    }

    public int LineOf(string key) => Find(key) is { } node ? (int)node.Start.Line : Line;

    public ScenarioException Error(string key, string problem) =>
        Error(File, Find(key) ?? (YamlNode)_node, Child(key), problem);

    public ScenarioException Error(YamlNode node, string key, string problem) => Error(File, node, Child(key), problem);

    /// <summary>Call last: any key that no reader asked for is a typo or a feature that does not exist.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(key))
            {
                throw Error(File, keyNode, Child(key),
                    $"is not a known key here; expected one of: {string.Join(", ", _read)}");
            }
        }
    }

    public static ScenarioException Error(string file, YamlNode node, string path, string problem) =>
        new($"{file}:{node.Start.Line}: '{path}' {problem}.");

    private long ParseSize(YamlNode node, string key, long min, long max)
    {
        var text = (node as YamlScalarNode)?.Value;
        if (!ByteSize.TryParse(text, out var bytes))
            throw Error(node, key, $"must be a size like 4096, 512Ki or 24Mi, not '{text}'");

        if (bytes < min || bytes > max)
            throw Error(node, key, $"must be from {ByteSize.Format(min)} to {ByteSize.Format(max)}, not {text}");

        return bytes;
    }

    private YamlNode? Find(string key)
    {
        if (!_read.Contains(key))
            _read.Add(key);

        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    private ScenarioException Missing(string key) =>
        new($"{File}:{Line}: '{Child(key)}' is required.");

    private string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}

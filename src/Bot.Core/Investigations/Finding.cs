namespace Bot.Core.Investigations;

/// <summary>
/// What a step found, as a code and the facts that go with it. The words come later, from the
/// prompt template named after the code, so that every sentence the bot says is editable.
/// </summary>
public sealed record Finding(string Code, IReadOnlyDictionary<string, string> Facts)
{
    public static Finding Of(string code, params (string Key, string? Value)[] facts) =>
        new(code, facts.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));

    public string? Fact(string key) => Facts.TryGetValue(key, out var value) ? value : null;
}

using Fluid;

namespace Bot.Core.Prompts;

/// <summary>
/// Every sentence the bot says, loaded from Liquid templates in <c>prompts/</c> and checked at
/// start-up: each key the code needs must exist and parse, and no template may sit unused.
/// </summary>
public sealed class PromptCatalog
{
    private static readonly FluidParser Parser = new();
    private readonly IReadOnlyDictionary<string, IFluidTemplate> _templates;

    private PromptCatalog(IReadOnlyDictionary<string, IFluidTemplate> templates) => _templates = templates;

    /// <summary>
    /// Loads and validates the folder; throws a <see cref="PromptCatalogException"/> naming every problem.
    /// </summary>
    /// <param name="owned">
    /// Which templates must be among the required keys; all of them by default. An adapter's own
    /// tests check just its part of the folder, the host checks the whole of it.
    /// </param>
    public static PromptCatalog Load(
        string directory, IEnumerable<string> requiredKeys, Func<string, bool>? owned = null)
    {
        if (!Directory.Exists(directory))
            throw new PromptCatalogException($"The prompts folder '{directory}' does not exist.");

        var problems = new List<string>();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.liquid", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(directory, file).Replace('\\', '/')[..^".liquid".Length];
            if (Parser.TryParse(File.ReadAllText(file), out var template, out var error))
                templates[key] = template;
            else
                problems.Add($"{key}: {error}");
        }

        var required = requiredKeys.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(required.Where(k => !templates.ContainsKey(k)).Order().Select(k => $"{k}: missing"));
        var unused = templates.Keys.Where(k => !required.Contains(k) && (owned?.Invoke(k) ?? true));
        problems.AddRange(unused.Order().Select(k => $"{k}: not used by the bot"));

        if (problems.Count > 0)
            throw new PromptCatalogException($"prompts in '{directory}' are not usable:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems));

        return new PromptCatalog(templates);
    }

    public string Render(string key, IReadOnlyDictionary<string, string>? facts = null)
    {
        if (!_templates.TryGetValue(key, out var template))
        {
            throw new KeyNotFoundException(
                $"No prompt '{key}'; the catalog is validated at start-up, so this is a bug.");
        }

        var context = new TemplateContext();
        foreach (var (name, value) in facts ?? new Dictionary<string, string>())
            context.SetValue(name, value);

        // Templates end with a newline in their files; leading spaces are kept, they may be indentation.
        return template.Render(context).TrimEnd();
    }
}

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

    /// <summary>Loads and validates the folder; throws a <see cref="PromptCatalogException"/> naming every problem.</summary>
    public static PromptCatalog Load(string directory, IEnumerable<string> requiredKeys)
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
        problems.AddRange(templates.Keys.Where(k => !required.Contains(k)).Order().Select(k => $"{k}: not used by the bot"));

        if (problems.Count > 0)
            throw new PromptCatalogException($"prompts in '{directory}' are not usable:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", problems));

        return new PromptCatalog(templates);
    }

    public string Render(string key, IReadOnlyDictionary<string, string>? facts = null)
    {
        if (!_templates.TryGetValue(key, out var template))
            throw new KeyNotFoundException($"No prompt '{key}'; the catalog is validated at start-up, so this is a bug.");

        var context = new TemplateContext();
        foreach (var (name, value) in facts ?? new Dictionary<string, string>())
            context.SetValue(name, value);

        return template.Render(context).Trim();
    }
}

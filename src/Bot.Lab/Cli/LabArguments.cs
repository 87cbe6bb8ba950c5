namespace Bot.Lab.Cli;

/// <summary>The lab's few arguments, parsed by hand; null means bad usage.</summary>
public sealed record LabArguments(LabCommand Command, string? ScenarioFile, bool Json)
{
    public static LabArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
            return null;

        var rest = args.Skip(1).ToList();
        var json = rest.Remove("--json");
        if (rest.Any(a => a.StartsWith('-')) || rest.Count > 1)
            return null;

        var file = rest.Count == 1 ? rest[0] : null;
        return args[0] switch
        {
            "run" when file is not null => new LabArguments(LabCommand.Run, file, json),
            "chat" when !json => new LabArguments(LabCommand.Chat, file, Json: false),
            _ => null,
        };
    }
}

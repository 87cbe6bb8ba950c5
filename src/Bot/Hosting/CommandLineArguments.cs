namespace Bot.Hosting;

/// <summary>The parsed command line: which command, its target, and <c>--json</c>.</summary>
internal sealed record CommandLineArguments(string Command, string? Target, bool Json)
{
    public const string Usage = """
        Usage:
          Bot triage <run-link-or-image-ref> [--json]   triage once and print the report
          Bot resume [--json]                           finish investigations a stopped process left open
          Bot chat                                      a terminal chat: type /triage <link>
          Bot serve                                     Slack (HTTP endpoints under /slack, or Socket Mode)
        """;

    public static CommandLineArguments? Parse(IReadOnlyList<string> args)
    {
        var json = args.Contains("--json");
        var words = args.Where(a => a != "--json").ToList();
        if (words.Any(w => w.StartsWith("--", StringComparison.Ordinal)))
            return null;

        return words switch
        {
            ["triage", var target] => new CommandLineArguments("triage", target, json),
            ["resume"] => new CommandLineArguments("resume", null, json),
            ["chat"] when !json => new CommandLineArguments("chat", null, false),
            ["serve"] when !json => new CommandLineArguments("serve", null, false),
            _ => null,
        };
    }
}

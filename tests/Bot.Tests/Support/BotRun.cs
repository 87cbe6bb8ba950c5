namespace Bot.Tests.Support;

/// <summary>One in-process run of the bot's command line, with its output captured.</summary>
internal sealed record BotRun(int ExitCode, string Output, string Error)
{
    public static async Task<BotRun> RunAsync(
        IReadOnlyDictionary<string, string?> config, string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);

        var code = await global::Bot.Hosting.BotCommandLine.RunAsync(
            args, config, reader, output, error, CancellationToken.None);
        return new BotRun(code, output.ToString(), error.ToString());
    }
}

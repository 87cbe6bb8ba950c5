using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;

namespace Bot.Lab.Cli;

/// <summary>
/// <c>run &lt;scenario-file&gt; [--json]</c> and <c>chat [&lt;scenario-file&gt;]</c>. Exit codes: 0 done,
/// 2 bad usage or an unusable scenario, 3 a missing prerequisite, 130 cancelled (Ctrl-C, SIGTERM).
/// </summary>
public static class LabCommandLine
{
    public const int Ok = 0;
    public const int Usage = 2;
    public const int Prerequisite = 3;
    public const int Cancelled = 130;
    public const string DefaultScenario = "scenarios/seed.yaml";

    private const string UsageText = """
        usage: bot-lab run <scenario-file> [--json]   start the scenario, print the lab's state, stop
               bot-lab chat [<scenario-file>]         start the scenario (default scenarios/seed.yaml) and keep it
                                                      up until end of input or Ctrl-C
        """;

    public static async Task<int> RunAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        LabSessionOptions? options = null)
    {
        if (LabArguments.Parse(args) is not { } arguments)
        {
            await error.WriteLineAsync(UsageText);
            return Usage;
        }

        try
        {
            var scenario = ScenarioParser.ParseFile(ScenarioPaths.Resolve(arguments.ScenarioFile ?? DefaultScenario));
            await using var session = await LabSession.StartAsync(scenario, options, logger: null, cancellationToken);
            if (arguments.Json)
            {
                await output.WriteLineAsync(LabReport.Json(session));
                return Ok;
            }

            await output.WriteLineAsync(LabReport.Text(session));
            if (arguments.Command == LabCommand.Chat)
                await WaitForEndAsync(input, output, cancellationToken);

            return Ok;
        }
        catch (Exception e) when (e is ScenarioException or LabSetupException)
        {
            await error.WriteLineAsync(e.Message);
            return Usage;
        }
        catch (LabPrerequisiteException e)
        {
            await error.WriteLineAsync(e.Message);
            return Prerequisite;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled; the lab session was stopped and cleaned up.");
            return Cancelled;
        }
    }

    /// <summary>
    /// Until the bot host is wired in, chat keeps the session up so it can be explored by hand;
    /// the lead replaces this with <c>BotCommandLine.RunAsync</c> fed by the session's configuration.
    /// </summary>
    private static async Task WaitForEndAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("The lab is up. End input (Ctrl-D) or press Ctrl-C to stop it and clean up.");
        // Console.In reads synchronously even through ReadLineAsync and never observes the token, so
        // the read runs on the pool and the wait is what Ctrl-C and SIGTERM cancel.
        while (await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken) is not null)
        {
        }
    }
}

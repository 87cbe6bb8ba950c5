using System.ComponentModel;
using Bot.Hosting;
using Bot.Lab.GitHub;
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

    private const string MissingProgramFix =
        "The lab runs mount, umount, unshare and nsenter (util-linux) and renice (bsdutils): " +
        "apt-get install -y util-linux bsdutils";

    private const string UsageText = """
        usage: bot-lab run <scenario-file> [--json]   start the scenario, triage its CI run with the bot,
                                                      print the report, stop the lab
               bot-lab chat [<scenario-file>]         start the scenario (default scenarios/seed.yaml) and a
                                                      terminal chat with the bot, until /quit, end of input or Ctrl-C
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
            await using var gitHub = await GitHubStandIn.StartAsync([session.CiRun], cancellationToken);
            // The run link looks like GitHub's own, as on-call would paste it; the bot parses it
            // against its default github.com allowlist and fetches through the stand-in's API.
            var bot = session.BotConfiguration(gitHub.ApiBaseUri);
            var link = PublicRunLink(session.CiRun.Owner, session.CiRun.Repository, session.CiRun.RunId);

            // With --json, stdout carries the bot's report alone.
            if (!arguments.Json)
                await output.WriteLineAsync(LabReport.Text(session, link));

            string[] botArgs = arguments.Command switch
            {
                LabCommand.Chat => ["chat"],
                _ when arguments.Json => ["triage", link, "--json"],
                _ => ["triage", link],
            };
            return await BotCommandLine.RunAsync(botArgs, bot, input, output, error, cancellationToken);
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
        catch (Win32Exception e)
        {
            // Process.Start's way of saying a program is not there; its message names the program.
            await error.WriteLineAsync($"{e.Message}. {MissingProgramFix}");
            return Prerequisite;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled; the lab session was stopped and cleaned up.");
            return Cancelled;
        }
    }

    public static string PublicRunLink(string owner, string repository, long runId) =>
        $"https://github.com/{owner}/{repository}/actions/runs/{runId}";
}

using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Reports;
using Bot.Core.Triage;

namespace Bot.Terminal;

/// <summary>
/// <c>Bot triage</c> and <c>Bot resume</c>: run investigations in the foreground and print what
/// they found, step by step as text, or once at the end as JSON.
/// </summary>
internal sealed class TriageCommand(
    ITriageLauncher launcher,
    TriageQueue queue,
    IInvestigationStore store,
    InvestigationRunner runner,
    IEnumerable<IInvestigationObserver> observers,
    ReportWriter writer,
    TriageReportBuilder reports,
    PromptCatalog prompts)
{
    public async Task<int> RunAsync(
        string target, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var request = new TriageRequest(target, Environment.UserName, "command-line");
        var launch = await launcher.LaunchAsync(request, cancellationToken);
        if (!launch.Accepted)
        {
            await error.WriteLineAsync(RefusalText(prompts, launch.Rejection!, target));
            return 2;
        }

        var investigation = await Worker(json, output).RunOneAsync(launch.InvestigationId!, cancellationToken);
        if (json)
            await output.WriteLineAsync(ReportJson.Serialize(reports.Build(investigation!)));

        return 0;
    }

    public async Task<int> ResumeAsync(bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var unfinished = await store.ListUnfinishedAsync(cancellationToken);
        if (unfinished.Count == 0 && !json)
            await output.WriteLineAsync(prompts.Render(TerminalPrompts.NoResume));

        var worker = Worker(json, output);
        var finished = new List<TriageReport>();
        foreach (var snapshot in unfinished)
        {
            var investigation = await worker.RunOneAsync(snapshot.Id, cancellationToken);
            finished.Add(reports.Build(investigation!));
        }

        if (json)
            await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(finished, ReportJson.Options));

        return 0;
    }

    /// <summary>The words for a refused request: the rejection's own prompt inside the chat's refusal line.</summary>
    public static string RefusalText(PromptCatalog prompts, string rejection, string input)
    {
        var said = new Dictionary<string, string> { ["input"] = input };
        var reason = prompts.Render(PromptKeys.Rejection(rejection), said);
        return prompts.Render(TerminalPrompts.Refused, new Dictionary<string, string> { ["reason"] = reason });
    }

    // With --json, stdout carries the JSON alone, so the step-by-step lines are not printed.
    private TriageWorker Worker(bool json, TextWriter output) =>
        new(queue, store, runner, json ? observers : observers.Append(new TerminalObserver(writer, output)));
}

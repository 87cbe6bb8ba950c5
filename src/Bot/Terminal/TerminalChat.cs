using System.Collections.Concurrent;
using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Triage;

namespace Bot.Terminal;

/// <summary>
/// The embedded chat adapter, like Hubot's shell: a person types <c>/triage &lt;link&gt;</c> and
/// watches each step arrive. Investigations left open by a stopped process resume first. At the
/// end of input the chat waits for the investigations it knows of, then says goodbye.
/// </summary>
internal sealed class TerminalChat(
    ITriageLauncher launcher,
    TriageQueue queue,
    IInvestigationStore store,
    InvestigationRunner runner,
    IEnumerable<IInvestigationObserver> observers,
    ReportWriter writer,
    PromptCatalog prompts)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _open = new();

    public async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var printer = new TerminalObserver(writer, output);
        var worker = new TriageWorker(queue, store, runner, [.. observers, printer, new CompletionTracker(_open)]);
        using var stopWorker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        foreach (var id in await worker.RequeueUnfinishedAsync(cancellationToken))
            Track(id);
        var working = worker.RunAsync(stopWorker.Token);

        await Say(output, TerminalPrompts.Welcome);
        while (await ReadLineAsync(input, cancellationToken) is { } line)
        {
            if (!await HandleAsync(line.Trim(), output, cancellationToken))
                break;
        }

        await FinishAsync(output, stopWorker, working);
        return 0;
    }

    /// <summary>Handles one line; false when the person asked to leave.</summary>
    private async Task<bool> HandleAsync(string line, TextWriter output, CancellationToken cancellationToken)
    {
        var (command, argument) = Split(line);
        switch (command)
        {
            case "":
                return true;
            case "/quit" or "/exit":
                return false;
            case "/help":
                await Say(output, TerminalPrompts.Help);
                return true;
            case "/triage":
                await LaunchAsync(argument, output, cancellationToken);
                return true;
            default:
                await Say(output, TerminalPrompts.UnknownCommand, ("command", command));
                return true;
        }
    }

    private async Task LaunchAsync(string argument, TextWriter output, CancellationToken cancellationToken)
    {
        var request = new TriageRequest(argument, Environment.UserName, "terminal");
        var launch = await launcher.LaunchAsync(request, cancellationToken);
        if (!launch.Accepted)
        {
            await output.WriteLineAsync(TriageCommand.RefusalText(prompts, launch.Rejection!, argument));
            return;
        }

        Track(launch.InvestigationId!);
        await Say(output, TerminalPrompts.Accepted, ("id", launch.InvestigationId!), ("input", argument));
    }

    private async Task FinishAsync(TextWriter output, CancellationTokenSource stopWorker, Task working)
    {
        var open = _open.Values.Select(c => c.Task).Where(t => !t.IsCompleted).ToList();
        if (open.Count > 0)
        {
            var count = open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Say(output, TerminalPrompts.Waiting, ("count", count));
            // If the worker itself dies, stop waiting for investigations it will never finish.
            await Task.WhenAny(Task.WhenAll(open), working);
        }

        await stopWorker.CancelAsync();
        try
        {
            await working;
        }
        catch (OperationCanceledException)
        {
            // The worker stops by cancellation; that is the normal end of the chat.
        }

        await Say(output, TerminalPrompts.Goodbye);
    }

    // Console.In reads synchronously even through ReadLineAsync and never sees the token, so the
    // read runs on the pool and Ctrl-C cancels the wait for it.
    private static Task<string?> ReadLineAsync(TextReader input, CancellationToken cancellationToken) =>
        Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);

    private void Track(string id) =>
        _open.TryAdd(id, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task Say(TextWriter output, string key, params (string Key, string Value)[] facts)
    {
        await output.WriteLineAsync(prompts.Render(key, facts.ToDictionary(f => f.Key, f => f.Value)));
        await output.FlushAsync();
    }

    private static (string Command, string Argument) Split(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..].Trim());
    }
}

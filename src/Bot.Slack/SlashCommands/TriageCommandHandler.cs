using Bot.Core.Prompts;
using Bot.Core.Triage;
using Bot.Slack.Inbound;
using Bot.Slack.Interactivity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.SlashCommands;

/// <summary>
/// <c>/triage &lt;run link or image reference&gt;</c>: hands the target to the launcher (which only
/// parses and queues, so it is quick) and answers the caller privately with where to follow the
/// investigation, or why it was refused. No Slack call is made before this answer.
/// </summary>
public sealed class TriageCommandHandler(
    ITriageLauncher launcher,
    SlackPrompts prompts,
    SlackWorkQueue work,
    PrivateResponder responder,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<TriageCommandHandler> logger) : ISlashCommandHandler
{
    public const string Name = "/triage";

    /// <summary>
    /// How long the ack waits for the launcher. Slack gives 3 s end to end; past this the caller
    /// hears "working on it" and the real answer follows through <c>response_url</c>.
    /// </summary>
    public static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(2);

    private const string HelpWord = "help";

    public string Command => Name;

    public async Task<SlackReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var words = SlackText.Tokenize(command.Text);
        var asksForHelp = words is [{ Kind: SlackTextTokenKind.Plain } only] &&
            only.Value.Equals(HelpWord, StringComparison.OrdinalIgnoreCase);
        if (asksForHelp)
            return Reply(SlackPrompts.Help, ("command", command.Command), ("channel", options.CurrentValue.Channel));
        if (words.Count > 1)
        {
            return Reply(SlackPrompts.BadArguments,
                ("command", command.Command), ("count", words.Count.ToString()));
        }

        var input = words.Count == 0 ? "" : TargetOf(words[0]);
        // Off this thread: the store answers synchronously (SQLite has no real async I/O), and a
        // launch run inline would finish before the budget's race even began.
        var launch = Task.Run(() => LaunchAsync(command, input), CancellationToken.None);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = await Task.WhenAny(launch, Task.Delay(AckBudget, time, budget.Token));
        if (first == launch)
        {
            await budget.CancelAsync();
            return await launch;
        }

        // The launcher is slower than the ack allows: ack now, answer when it is done.
        SlackLog.LaunchSlow(logger, command.UserId, (long)AckBudget.TotalMilliseconds);
        work.TryEnqueue("triage follow-up", async ct => await responder.ReplyAsync(
            command.ResponseUrl, command.ChannelId, command.UserId, await launch, ct));
        return Reply(SlackPrompts.TriageWorking);
    }

    private async Task<SlackReply> LaunchAsync(SlashCommand command, string input)
    {
        LaunchResult result;
        try
        {
            // Not the request's token: a launch half done because the caller hung up helps nobody.
            var request = new TriageRequest(input, command.UserId, "slack");
            result = await launcher.LaunchAsync(request, CancellationToken.None);
        }
#pragma warning disable CA1031 // The caller still gets an answer (and Slack its ack) when the store is down.
        catch (Exception ex)
        {
            SlackLog.LaunchFailed(logger, ex, command.UserId);
            return Reply(SlackPrompts.LaunchFailed);
        }
#pragma warning restore CA1031

        return result.Accepted
            ? Reply(SlackPrompts.TriageAccepted,
                ("id", result.InvestigationId),
                ("input", SlackText.Escape(input)),
                ("channel", options.CurrentValue.Channel))
            : Reply(PromptKeys.Rejection(result.Rejection!), ("input", SlackText.Escape(input)));
    }

    /// <summary>
    /// Slack links what looks like a host (<c>registry.internal:5000/app:cache</c> becomes
    /// <c>&lt;http://registry.internal:5000/app:cache|registry.internal:5000/app:cache&gt;</c>),
    /// so a link whose label is what the user typed is read as the label.
    /// </summary>
    private static string TargetOf(SlackTextToken word) =>
        word is { Kind: SlackTextTokenKind.Link, Label: { Length: > 0 } label } &&
        (word.Value == "http://" + label || word.Value == "https://" + label)
            ? label
            : word.Value;

    private SlackReply Reply(string key, params (string Name, string? Value)[] facts) =>
        new(prompts.Render(key, facts));
}

using Bot.Core.Prompts;
using Bot.Core.Triage;
using Bot.Slack.Inbound;
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
    IOptionsMonitor<SlackOptions> options,
    ILogger<TriageCommandHandler> logger) : ISlashCommandHandler
{
    public const string Name = "/triage";

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
        LaunchResult result;
        try
        {
            result = await launcher.LaunchAsync(new TriageRequest(input, command.UserId, "slack"), cancellationToken);
        }
#pragma warning disable CA1031 // The caller still gets an answer (and Slack its ack) when the store is down.
        catch (Exception ex) when (ex is not OperationCanceledException)
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

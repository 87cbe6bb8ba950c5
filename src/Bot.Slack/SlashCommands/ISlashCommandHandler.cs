using Bot.Slack.Inbound;

namespace Bot.Slack.SlashCommands;

/// <summary>
/// Answers one slash command. The answer is the acknowledgement, so it must come well inside
/// Slack's 3 s: anything slow is queued on <see cref="SlackWorkQueue"/> and finished afterwards.
/// </summary>
public interface ISlashCommandHandler
{
    /// <summary>The command this handler owns, with its slash: <c>/triage</c>.</summary>
    string Command { get; }

    Task<SlackReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken);
}

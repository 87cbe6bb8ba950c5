using Bot.Slack.Inbound;
using Bot.Slack.SlashCommands;

namespace Bot.Slack.Tests.Support;

/// <summary>A command whose first handling throws (a bug, a store down) and whose later ones answer.</summary>
internal sealed class FailsOnceCommand(string command) : ISlashCommandHandler
{
    private int _calls;

    public string Command => command;

    public int Calls => Volatile.Read(ref _calls);

    public Task<SlackReply> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        return call == 1
            ? throw new InvalidOperationException("The first handling fails.")
            : Task.FromResult(new SlackReply($"handled on attempt {call}"));
    }
}

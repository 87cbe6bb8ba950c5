using Bot.Slack.Clicks;
using Bot.Slack.Interactivity;

namespace Bot.Slack.Tests.Support;

/// <summary>A click handler whose first handling throws (Slack down, a bug) and whose later ones succeed.</summary>
internal sealed class FailsOnceAction(string actionId) : IBlockActionHandler
{
    private int _calls;

    public string ActionId => actionId;

    public int Calls => Volatile.Read(ref _calls);

    public Task HandleAsync(Click click, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) == 1
            ? throw new InvalidOperationException("The first handling fails.")
            : Task.CompletedTask;

    public Task<bool> IsStillOfferedAsync(Click click, CancellationToken cancellationToken) => Task.FromResult(true);
}

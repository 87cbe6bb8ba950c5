namespace Bot.Core.Triage;

/// <summary>
/// The front door of the triage core, used by every inbound adapter (terminal, Slack, CI
/// webhooks). It answers at once: the walk itself goes on in the background, durably.
/// </summary>
public interface ITriageLauncher
{
    Task<LaunchResult> LaunchAsync(TriageRequest request, CancellationToken cancellationToken);
}

namespace Bot.Core.Investigations;

/// <summary>
/// Hears an investigation progress: a terminal chat prints lines, Slack edits its living message.
/// Called after each change is stored, on the runner's task; an observer that fails is logged
/// and does not stop the walk.
/// </summary>
public interface IInvestigationObserver
{
    Task StepStartedAsync(Investigation investigation, StepName step, CancellationToken cancellationToken);

    Task StepRecordedAsync(Investigation investigation, StepRecord record, CancellationToken cancellationToken);

    Task ConcludedAsync(Investigation investigation, CancellationToken cancellationToken);
}

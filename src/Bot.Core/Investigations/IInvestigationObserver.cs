namespace Bot.Core.Investigations;

/// <summary>
/// Hears an investigation progress: a terminal chat prints lines, Slack edits its living message.
/// Every registered observer hears every investigation, including resumed ones. Called after each
/// change is stored, on the runner's task; an observer that fails is logged and stops neither the
/// walk nor the other observers.
/// </summary>
public interface IInvestigationObserver
{
    Task StepStartedAsync(Investigation investigation, StepName step, CancellationToken cancellationToken);

    Task StepRecordedAsync(Investigation investigation, StepRecord record, CancellationToken cancellationToken);

    Task ConcludedAsync(Investigation investigation, CancellationToken cancellationToken);
}

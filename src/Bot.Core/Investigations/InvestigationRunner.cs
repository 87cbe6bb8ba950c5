using Bot.Core.Diagnosis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Investigations;

/// <summary>
/// Walks an investigation step by step, storing it after every transition so that a process
/// that dies mid-walk resumes at the step it was in, with exactly one record per step.
/// </summary>
public sealed class InvestigationRunner
{
    private readonly IReadOnlyDictionary<StepName, IInvestigationStep> _steps;
    private readonly IInvestigationStore _store;
    private readonly TimeProvider _time;
    private readonly RunnerOptions _options;
    private readonly ILogger<InvestigationRunner> _logger;

    public InvestigationRunner(
        IEnumerable<IInvestigationStep> steps,
        IInvestigationStore store,
        TimeProvider time,
        IOptions<RunnerOptions> options,
        ILogger<InvestigationRunner> logger)
    {
        _steps = steps.ToDictionary(s => s.Name);
        _store = store;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Every finding code the registered steps and the runner can record.</summary>
    public IEnumerable<string> FindingCodes => _steps.Values.SelectMany(s => s.FindingCodes).Concat(CoreFindings.All);

    public async Task<Investigation> OpenAsync(
        string id, Targets.TriageTarget target, CancellationToken cancellationToken)
    {
        var investigation = Investigation.Open(id, target, _time.GetUtcNow());
        await _store.SaveAsync(investigation.ToSnapshot(), cancellationToken);
        InvestigationLog.Opened(_logger, id, target.Input);
        return investigation;
    }

    /// <summary>Runs the investigation from wherever it stands to its conclusion.</summary>
    public async Task RunAsync(
        Investigation investigation,
        IReadOnlyList<IInvestigationObserver> observers,
        CancellationToken cancellationToken)
    {
        if (investigation.CanBegin)
        {
            investigation.Begin(_time.GetUtcNow());
            await _store.SaveAsync(investigation.ToSnapshot(), cancellationToken);
        }
        else if (!investigation.IsConcluded)
        {
            InvestigationLog.Resumed(_logger, investigation.Id, investigation.State);
        }

        while (investigation.CurrentStep is StepName step)
        {
            await Notify(observers, investigation, o => o.StepStartedAsync(investigation, step, cancellationToken));

            var record = await RunStepAsync(investigation, step, cancellationToken);
            await _store.SaveAsync(investigation.ToSnapshot(), cancellationToken);

            var durationMs = (long)record.Duration.TotalMilliseconds;
            InvestigationLog.StepFinished(
                _logger, investigation.Id, step, record.Status, record.Finding.Code, durationMs);
            await Notify(observers, investigation, o => o.StepRecordedAsync(investigation, record, cancellationToken));
        }

        if (investigation.CanConclude)
        {
            investigation.Conclude(Diagnoser.Diagnose(investigation), _time.GetUtcNow());
            await _store.SaveAsync(investigation.ToSnapshot(), cancellationToken);

            InvestigationLog.Concluded(_logger, investigation.Id, investigation.Conclusion!.RootCause.Code.ToString());
            await Notify(observers, investigation, o => o.ConcludedAsync(investigation, cancellationToken));
        }
    }

    private async Task<StepRecord> RunStepAsync(
        Investigation investigation, StepName step, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var result = await RunGuardedAsync(investigation, step, cancellationToken);
        var record = new StepRecord(
            step, result.Status, result.Finding, result.Evidence, _time.GetElapsedTime(started), _time.GetUtcNow());

        investigation.Record(record, result.Clues);
        return record;
    }

    private async Task<StepResult> RunGuardedAsync(
        Investigation investigation, StepName step, CancellationToken cancellationToken)
    {
        var clues = investigation.Clues;
        if (!_steps.TryGetValue(step, out var implementation))
        {
            var notConfigured = Finding.Of(CoreFindings.StepNotConfigured, ("step", step.ToString()));
            return StepResult.CouldNotCheck(notConfigured, clues);
        }

        // The timeout runs on the injected clock, so tests can make a step time out without waiting.
        using var timeout = new CancellationTokenSource(_options.StepTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await implementation.RunAsync(clues, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            InvestigationLog.StepTimedOut(
                _logger, investigation.Id, step, (long)_options.StepTimeout.TotalMilliseconds);
            var seconds = ((int)_options.StepTimeout.TotalSeconds).ToString();
            return StepResult.CouldNotCheck(Finding.Of(CoreFindings.StepTimedOut, ("seconds", seconds)), clues);
        }
#pragma warning disable CA1031 // The one deliberate boundary: a bug in one step must not lose the investigation.
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            InvestigationLog.StepCrashed(_logger, ex, investigation.Id, step);
            return StepResult.CouldNotCheck(Finding.Of(CoreFindings.StepCrashed, ("error", ex.GetType().Name)), clues);
        }
#pragma warning restore CA1031
    }

    private async Task Notify(
        IReadOnlyList<IInvestigationObserver> observers,
        Investigation investigation,
        Func<IInvestigationObserver, Task> call)
    {
        foreach (var observer in observers)
        {
            try
            {
                await call(observer);
            }
#pragma warning disable CA1031 // A chat that cannot be updated must not stop the diagnosis, nor the other chats.
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                InvestigationLog.ObserverFailed(_logger, ex, observer.GetType().Name, investigation.Id);
            }
#pragma warning restore CA1031
        }
    }
}

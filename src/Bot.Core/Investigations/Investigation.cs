using Bot.Core.Diagnosis;
using Bot.Core.Targets;
using Stateless;
using Stateless.Graph;

namespace Bot.Core.Investigations;

/// <summary>
/// One walk from a red build to its cause. The lifecycle is a state machine kept private here;
/// callers use the verbs (<see cref="Begin"/>, <see cref="Record"/>, <see cref="Conclude"/>).
/// Like the machine underneath, an investigation is not thread-safe: one runner drives it.
/// </summary>
public sealed class Investigation
{
    private enum Trigger
    {
        Begin,
        StepRecorded,
        Concluded,
    }

    /// <summary>
    /// The walk in order: the state each step runs in. Recording a step moves on to the next row, and
    /// after the last one to diagnosing.
    /// </summary>
    private static readonly (InvestigationState State, StepName Step)[] Walk =
    [
        (InvestigationState.ReadingCiLog, StepName.CiLog),
        (InvestigationState.InspectingManifest, StepName.Manifest),
        (InvestigationState.CheckingBlobs, StepName.Blobs),
        (InvestigationState.CheckingVolume, StepName.Volume),
        (InvestigationState.CheckingGc, StepName.Gc),
    ];

    private static readonly Dictionary<InvestigationState, StepName> StepOfState =
        Walk.ToDictionary(w => w.State, w => w.Step);

    private readonly StateMachine<InvestigationState, Trigger> _machine;
    private readonly List<StepRecord> _steps;
    private InvestigationState _state;

    private Investigation(InvestigationSnapshot snapshot)
    {
        Id = snapshot.Id;
        Input = snapshot.Input;
        CreatedAt = snapshot.CreatedAt;
        UpdatedAt = snapshot.UpdatedAt;
        Clues = snapshot.Clues;
        Conclusion = snapshot.Conclusion;
        _steps = [.. snapshot.Steps];
        _state = snapshot.State;
        _machine = new StateMachine<InvestigationState, Trigger>(() => _state, s => _state = s);
        Configure(_machine);
    }

    public string Id { get; }

    public string Input { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public InvestigationState State => _state;

    public Clues Clues { get; private set; }

    public IReadOnlyList<StepRecord> Steps => _steps;

    public Conclusion? Conclusion { get; private set; }

    /// <summary>The step to run now, or null when no step is due (queued, diagnosing or concluded).</summary>
    public StepName? CurrentStep => StepOfState.TryGetValue(_state, out var step) ? step : null;

    public bool IsConcluded => _state == InvestigationState.Concluded;

    public bool CanBegin => _machine.CanFire(Trigger.Begin);

    public bool CanConclude => _machine.CanFire(Trigger.Concluded);

    public static Investigation Open(string id, TriageTarget target, DateTimeOffset now)
    {
        var clues = new Clues { RunLink = target.RunLink, ImageRef = target.ImageRef?.ToString() };
        return new Investigation(new InvestigationSnapshot(
            id, target.Input, InvestigationState.Queued, clues, [], null, now, now));
    }

    public static Investigation Restore(InvestigationSnapshot snapshot) => new(snapshot);

    public InvestigationSnapshot ToSnapshot() =>
        new(Id, Input, _state, Clues, [.. _steps], Conclusion, CreatedAt, UpdatedAt);

    public void Begin(DateTimeOffset now)
    {
        _machine.Fire(Trigger.Begin);
        UpdatedAt = now;
    }

    /// <summary>Records the result of the step due now and moves to the next one.</summary>
    public void Record(StepRecord record, Clues clues)
    {
        if (CurrentStep != record.Step)
            throw new InvalidOperationException($"Step {record.Step} is not due; the investigation is {_state}.");

        _steps.Add(record);
        Clues = clues;
        UpdatedAt = record.FinishedAt;
        _machine.Fire(Trigger.StepRecorded);
    }

    public void Conclude(Conclusion conclusion, DateTimeOffset now)
    {
        _machine.Fire(Trigger.Concluded);
        Conclusion = conclusion;
        UpdatedAt = now;
    }

    /// <summary>The lifecycle as a Mermaid state diagram; docs/investigation-states.md embeds it.</summary>
    public static string LifecycleAsMermaid()
    {
        var probe = new Investigation(new InvestigationSnapshot(
            "graph", "graph", InvestigationState.Queued, new Clues(), [], null, default, default));
        return MermaidGraph.Format(probe._machine.GetInfo());
    }

    private static void Configure(StateMachine<InvestigationState, Trigger> machine)
    {
        machine.Configure(InvestigationState.Queued)
            .Permit(Trigger.Begin, Walk[0].State);

        var following = Walk.Skip(1).Select(w => w.State).Append(InvestigationState.Diagnosing);
        foreach (var (state, next) in Walk.Select(w => w.State).Zip(following))
        {
            machine.Configure(state)
                .Permit(Trigger.StepRecorded, next);
        }

        machine.Configure(InvestigationState.Diagnosing)
            .Permit(Trigger.Concluded, InvestigationState.Concluded);
    }
}

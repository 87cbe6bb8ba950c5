using Bot.Core.Investigations;
using Bot.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests.Investigations;

public class InvestigationRunnerTests
{
    [Fact]
    public async Task RunAsync_AllStepsFine_RecordsEachOnceAndConcludes()
    {
        var store = new MemoryStore();
        var runner = Runners.Create(Runners.AllFine(), store);
        var investigation = await runner.OpenAsync("inv-1", Runners.CacheRef(), CancellationToken.None);

        await runner.RunAsync(investigation, [], CancellationToken.None);

        Assert.True(investigation.IsConcluded);
        Assert.Equal(Enum.GetValues<StepName>(), investigation.Steps.Select(s => s.Step));
        Assert.NotNull(investigation.Conclusion);
    }

    [Fact]
    public async Task RunAsync_EveryTransition_IsStoredBeforeTheNext()
    {
        var store = new MemoryStore();
        var runner = Runners.Create(Runners.AllFine(), store);
        var investigation = await runner.OpenAsync("inv-1", Runners.CacheRef(), CancellationToken.None);

        await runner.RunAsync(investigation, [], CancellationToken.None);

        var states = store.Saves.Select(s => s.State).ToList();
        Assert.Equal(
            [
                InvestigationState.Queued, InvestigationState.ReadingCiLog, InvestigationState.InspectingManifest,
                InvestigationState.CheckingBlobs, InvestigationState.CheckingVolume, InvestigationState.CheckingGc,
                InvestigationState.Diagnosing, InvestigationState.Concluded,
            ],
            states);
    }

    [Fact]
    public async Task RunAsync_StepThrows_RecordsCouldNotCheckAndGoesOn()
    {
        var broken = new ScriptedStep(StepName.Manifest, (_, _) => throw new FormatException("bug"));
        var steps = Runners.AllFine().Where(s => s.Name != StepName.Manifest).Append(broken);
        var runner = Runners.Create(steps, new MemoryStore());
        var investigation = await runner.OpenAsync("inv-1", Runners.CacheRef(), CancellationToken.None);

        await runner.RunAsync(investigation, [], CancellationToken.None);

        var manifest = investigation.Steps.Single(s => s.Step == StepName.Manifest);
        Assert.Equal(StepStatus.CouldNotCheck, manifest.Status);
        Assert.Equal(CoreFindings.StepCrashed, manifest.Finding.Code);
        Assert.True(investigation.IsConcluded);
    }

    [Fact]
    public async Task RunAsync_StepOutlivesItsTimeout_RecordsTimedOut()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource();
        var hanging = new ScriptedStep(StepName.Blobs, async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        var steps = Runners.AllFine().Where(s => s.Name != StepName.Blobs).Append(hanging);
        var runner = Runners.Create(steps, new MemoryStore(), time);
        var investigation = await runner.OpenAsync("inv-1", Runners.CacheRef(), CancellationToken.None);

        var running = runner.RunAsync(investigation, [], CancellationToken.None);
        await started.Task;
        time.Advance(new RunnerOptions().StepTimeout);
        await running;

        var blobs = investigation.Steps.Single(s => s.Step == StepName.Blobs);
        Assert.Equal(CoreFindings.StepTimedOut, blobs.Finding.Code);
        Assert.Equal("60", blobs.Finding.Fact("seconds"));
    }

    [Fact]
    public async Task RunAsync_ObserverThrows_WalkFinishesAndOtherObserversHearIt()
    {
        var runner = Runners.Create(Runners.AllFine(), new MemoryStore());
        var investigation = await runner.OpenAsync("inv-1", Runners.CacheRef(), CancellationToken.None);
        var listening = new CountingObserver();

        await runner.RunAsync(investigation, [new ThrowingObserver(), listening], CancellationToken.None);

        Assert.True(investigation.IsConcluded);
        Assert.Equal(5, listening.Recorded);
        Assert.Equal(1, listening.Concluded);
    }

    [Fact]
    public async Task RunAsync_StoppedMidWalkThenResumed_RunsEachStepExactlyOnce()
    {
        var store = new MemoryStore();
        using var stop = new CancellationTokenSource();
        var steps = Runners.AllFine().ToDictionary(s => s.Name);
        steps[StepName.Blobs] = new ScriptedStep(StepName.Blobs, async (clues, token) =>
        {
            await stop.CancelAsync();
            token.ThrowIfCancellationRequested();
            return StepResult.Fine(Finding.Of("Blobs.scripted"), clues);
        });
        var first = Runners.Create(steps.Values, store);
        var investigation = await first.OpenAsync("inv-1", Runners.CacheRef(), CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunAsync(investigation, [], stop.Token));

        steps[StepName.Blobs] = ScriptedStep.Fine(StepName.Blobs);
        var second = Runners.Create(steps.Values, store);
        var resumed = Investigation.Restore((await store.FindAsync("inv-1", CancellationToken.None))!);
        await second.RunAsync(resumed, [], CancellationToken.None);

        Assert.True(resumed.IsConcluded);
        Assert.Equal(Enum.GetValues<StepName>(), resumed.Steps.Select(s => s.Step));
        Assert.Equal(1, ((ScriptedStep)steps[StepName.CiLog]).Runs);
    }

    private sealed class ThrowingObserver : IInvestigationObserver
    {
        public Task StepStartedAsync(Investigation investigation, StepName step, CancellationToken cancellationToken) =>
            throw new IOException("chat is down");

        public Task StepRecordedAsync(
            Investigation investigation, StepRecord record, CancellationToken cancellationToken) =>
            throw new IOException("chat is down");

        public Task ConcludedAsync(Investigation investigation, CancellationToken cancellationToken) =>
            throw new IOException("chat is down");
    }

    private sealed class CountingObserver : IInvestigationObserver
    {
        public int Recorded { get; private set; }

        public int Concluded { get; private set; }

        public Task StepStartedAsync(Investigation investigation, StepName step, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task StepRecordedAsync(
            Investigation investigation, StepRecord record, CancellationToken cancellationToken)
        {
            Recorded++;
            return Task.CompletedTask;
        }

        public Task ConcludedAsync(Investigation investigation, CancellationToken cancellationToken)
        {
            Concluded++;
            return Task.CompletedTask;
        }
    }
}

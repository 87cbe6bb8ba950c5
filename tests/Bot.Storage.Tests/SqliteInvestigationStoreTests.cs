using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Storage.Tests;

public sealed class SqliteInvestigationStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 17, 14, 22, 31, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("store-").FullName;

    [Fact]
    public async Task FindAsync_AfterSave_ReturnsEverythingThatWasStored()
    {
        var store = NewStore();
        var investigation = Walked(StepName.CiLog, StepName.Manifest);

        await store.SaveAsync(investigation.ToSnapshot(), CancellationToken.None);
        var found = await store.FindAsync("inv-1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(InvestigationState.CheckingBlobs, found.State);
        Assert.Equal("registry.internal:5000/app:cache", found.Clues.ImageRef);
        Assert.Equal("sha256:abc", found.Clues.BrokenBlobs.Single().Digest);
        Assert.Equal([StepName.CiLog, StepName.Manifest], found.Steps.Select(s => s.Step));
        Assert.Equal("GET /v2/app/manifests/cache", found.Steps[1].Evidence.Single().Request);
        Assert.Equal("cache", found.Steps[1].Finding.Fact("tag"));
    }

    [Fact]
    public async Task SaveAsync_SameSnapshotAgain_WritesEachRecordOnce()
    {
        var store = NewStore();
        var investigation = Walked(StepName.CiLog);
        await store.SaveAsync(investigation.ToSnapshot(), CancellationToken.None);

        investigation.Record(Record(StepName.Manifest), investigation.Clues);
        await store.SaveAsync(investigation.ToSnapshot(), CancellationToken.None);
        await store.SaveAsync(investigation.ToSnapshot(), CancellationToken.None);

        var counts = await store.CountStepRecordsAsync("inv-1", CancellationToken.None);
        Assert.Equal(1, counts["ci-log"]);
        Assert.Equal(1, counts["manifest"]);
    }

    [Fact]
    public async Task SaveAsync_SecondDifferentRecordForAStep_ThrowsAndKeepsTheFirstAndTheOldState()
    {
        var store = NewStore();
        var investigation = Walked(StepName.CiLog);
        await store.SaveAsync(investigation.ToSnapshot(), CancellationToken.None);

        var rerun = investigation.Steps[0] with { Status = StepStatus.ProblemFound, FinishedAt = Now.AddSeconds(5) };
        var rewritten = investigation.ToSnapshot() with { State = InvestigationState.CheckingBlobs, Steps = [rerun] };
        var error = await Assert.ThrowsAsync<StepRecordedTwiceException>(
            () => store.SaveAsync(rewritten, CancellationToken.None));

        Assert.Equal(StepName.CiLog, error.Step);
        var found = await store.FindAsync("inv-1", CancellationToken.None);
        Assert.Equal(StepStatus.Fine, found!.Steps.Single().Status);
        Assert.Equal(InvestigationState.InspectingManifest, found.State);
    }

    [Fact]
    public async Task ListUnfinishedAsync_LeavesConcludedOnesOut()
    {
        var store = NewStore();
        var open = Walked(StepName.CiLog);
        var done = Investigation.Open("inv-2", CacheRef(), Now);
        done.Begin(Now);
        foreach (var step in Enum.GetValues<StepName>())
            done.Record(Record(step), done.Clues);
        done.Conclude(Diagnoser.Diagnose(done), Now);

        await store.SaveAsync(open.ToSnapshot(), CancellationToken.None);
        await store.SaveAsync(done.ToSnapshot(), CancellationToken.None);

        var unfinished = await store.ListUnfinishedAsync(CancellationToken.None);
        Assert.Equal(["inv-1"], unfinished.Select(s => s.Id));
        var concluded = await store.FindAsync("inv-2", CancellationToken.None);
        Assert.Equal(RootCauseCode.NothingWrongFound, concluded!.Conclusion!.RootCause.Code);
    }

    [Fact]
    public async Task RunAsync_NewProcessResumesAStoppedWalk_OneRecordPerStep()
    {
        var path = Path.Combine(_directory, "triage.db");
        using var stop = new CancellationTokenSource();
        var firstRunner = Runner(NewStore(path), new StoppingStep(StepName.Blobs, stop));
        var investigation = await firstRunner.OpenAsync("inv-1", CacheRef(), CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => firstRunner.RunAsync(investigation, [], stop.Token));

        var secondStore = NewStore(path);
        var snapshot = await secondStore.FindAsync("inv-1", CancellationToken.None);
        var resumed = Investigation.Restore(snapshot!);
        await Runner(secondStore, new StoppingStep(StepName.Blobs, null)).RunAsync(resumed, [], CancellationToken.None);

        var counts = await secondStore.CountStepRecordsAsync("inv-1", CancellationToken.None);
        Assert.Equal(Enum.GetValues<StepName>().Length, counts.Count);
        Assert.All(counts.Values, count => Assert.Equal(1, count));
        var afterResume = await secondStore.FindAsync("inv-1", CancellationToken.None);
        Assert.Equal(InvestigationState.Concluded, afterResume!.State);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteInvestigationStore NewStore(string? path = null) =>
        new(Options.Create(new StorageOptions { SqlitePath = path ?? Path.Combine(_directory, "triage.db") }));

    private static InvestigationRunner Runner(IInvestigationStore store, IInvestigationStep blobs)
    {
        var steps = Enum.GetValues<StepName>()
            .Where(s => s != StepName.Blobs)
            .Select(s => (IInvestigationStep)new StoppingStep(s, null));
        return new InvestigationRunner(
            steps.Append(blobs),
            store,
            new FakeTimeProvider(Now),
            Options.Create(new RunnerOptions()),
            NullLogger<InvestigationRunner>.Instance);
    }

    private static Investigation Walked(params StepName[] steps)
    {
        var investigation = Investigation.Open("inv-1", CacheRef(), Now);
        investigation.Begin(Now);
        foreach (var step in steps)
        {
            var clues = investigation.Clues with
            {
                BrokenBlobs = [new BrokenBlob("sha256:abc", "missing", "layer", 10, null)],
            };
            investigation.Record(Record(step), clues);
        }

        return investigation;
    }

    private static StepRecord Record(StepName step) =>
        new(
            step,
            StepStatus.Fine,
            Finding.Of("manifest.found", ("tag", "cache")),
            [Evidence.Of("GET /v2/app/manifests/cache", "200")],
            TimeSpan.FromMilliseconds(12),
            Now);

    private static TriageTarget CacheRef()
    {
        if (!ImageReference.TryParse("registry.internal:5000/app:cache", out var reference))
            throw new InvalidOperationException("The test reference no longer parses.");
        return TriageTarget.ForImage(reference.ToString(), reference);
    }

    /// <summary>A fine step, or one that pulls the plug on the whole run, as a killed process would.</summary>
    private sealed class StoppingStep(StepName name, CancellationTokenSource? stop) : IInvestigationStep
    {
        public StepName Name => name;

        public IReadOnlyCollection<string> FindingCodes => ["manifest.found"];

        public async Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken)
        {
            if (stop is not null)
            {
                await stop.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return StepResult.Fine(Finding.Of("manifest.found"), clues);
        }
    }
}

using Bot.Core.Investigations;
using Bot.Core.Tests.Support;

namespace Bot.Core.Tests.Investigations;

public class InvestigationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 17, 14, 22, 31, TimeSpan.Zero);

    [Fact]
    public void Begin_NewInvestigation_StartsWithTheCiLog()
    {
        var investigation = Investigation.Open("inv-1", Runners.CacheRef(), Now);

        investigation.Begin(Now);

        Assert.Equal(InvestigationState.ReadingCiLog, investigation.State);
        Assert.Equal(StepName.CiLog, investigation.CurrentStep);
    }

    [Fact]
    public void Record_EveryStepInOrder_EndsDiagnosing()
    {
        var investigation = Investigation.Open("inv-1", Runners.CacheRef(), Now);
        investigation.Begin(Now);

        foreach (var step in Enum.GetValues<StepName>())
            investigation.Record(Record(step), investigation.Clues);

        Assert.Equal(InvestigationState.Diagnosing, investigation.State);
        Assert.Null(investigation.CurrentStep);
        Assert.Equal(Enum.GetValues<StepName>(), investigation.Steps.Select(s => s.Step));
    }

    [Fact]
    public void Record_StepThatIsNotDue_IsRefusedAndChangesNothing()
    {
        var investigation = Investigation.Open("inv-1", Runners.CacheRef(), Now);
        investigation.Begin(Now);

        Assert.Throws<InvalidOperationException>(
            () => investigation.Record(Record(StepName.Blobs), investigation.Clues));

        Assert.Equal(InvestigationState.ReadingCiLog, investigation.State);
        Assert.Empty(investigation.Steps);
    }

    [Fact]
    public void Restore_Snapshot_ContinuesAtTheSameStep()
    {
        var investigation = Investigation.Open("inv-1", Runners.CacheRef(), Now);
        investigation.Begin(Now);
        investigation.Record(
            Record(StepName.CiLog), investigation.Clues with { CiErrorClass = "cache-blob-not-found" });

        var restored = Investigation.Restore(investigation.ToSnapshot());

        Assert.Equal(StepName.Manifest, restored.CurrentStep);
        Assert.Equal("cache-blob-not-found", restored.Clues.CiErrorClass);
        Assert.Single(restored.Steps);
    }

    [Fact]
    public void Open_ImageReference_PutsTheRefInTheClues()
    {
        var investigation = Investigation.Open("inv-1", Runners.CacheRef(), Now);

        Assert.Equal("registry.internal:5000/app:cache", investigation.Clues.ImageRef);
        Assert.Null(investigation.Clues.RunLink);
        Assert.True(investigation.CanBegin);
    }

    private static StepRecord Record(StepName step) =>
        new(step, StepStatus.Fine, Finding.Of("x"), [], TimeSpan.FromMilliseconds(5), Now);
}

using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Prompts;
using Bot.Core.Reports;
using Bot.Kubernetes.Gc;
using Bot.Kubernetes.Volume;

namespace Bot.Kubernetes.Tests.Diagnosis;

public sealed class PromptTests
{
    private static string PromptsDirectory => Path.Combine(AppContext.BaseDirectory, "prompts");

    /// <summary>The keys this adapter and the new diagnosis need; other adapters' templates may sit beside them.</summary>
    private static IEnumerable<string> ClusterKeys() =>
        PromptKeys.Core().Concat(VolumeFindings.All.Concat(GcFindings.All).Select(PromptKeys.Finding));

    private static PromptCatalog Load()
    {
        var present = Directory.EnumerateFiles(PromptsDirectory, "*.liquid", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(PromptsDirectory, f).Replace('\\', '/')[..^".liquid".Length]);
        return PromptCatalog.Load(PromptsDirectory, ClusterKeys().Concat(present));
    }

    [Fact]
    public void Load_EveryClusterFindingRootCauseFixWarningAndLink_HasATemplate()
    {
        var present = Directory.EnumerateFiles(PromptsDirectory, "*.liquid", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(PromptsDirectory, f).Replace('\\', '/')[..^".liquid".Length]).ToHashSet();

        var missing = ClusterKeys().Where(k => !present.Contains(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Report_Seed_RendersChainWarningsAndFixesFromTemplates()
    {
        var builder = new TriageReportBuilder(Load());
        var investigation = Investigations.Walked(Investigations.Seed() with { VolumeExpandable = false },
            (StepName.Blobs, StepStatus.ProblemFound), (StepName.Volume, StepStatus.ProblemFound));
        investigation.Conclude(Diagnoser.Diagnose(investigation), DateTimeOffset.UnixEpoch);

        var report = builder.Build(investigation);

        Assert.Equal("volume-full-corrupted-cache", report.RootCause!.Code);
        Assert.Contains("ran out of space during a cache push", report.RootCause.Summary);
        Assert.Contains("2026-03-17 14:22:31 UTC", report.RootCause.Summary);
        Assert.Equal(4, report.RootCause.Chain.Count);
        Assert.Contains("GC has been failing: failed-no-space", report.RootCause.Chain[3].Summary);
        Assert.Equal("answer Volume", Assert.Single(report.RootCause.Chain[2].Evidence).Answer);
        Assert.Contains("does not allow volume expansion", Assert.Single(report.Warnings));
        Assert.DoesNotContain(report.Fixes, f => f.Kind == "resize-pvc");
        Assert.Contains(report.Fixes, f => f.Kind == "run-gc" && f.Preconditions.Any(p => p.Contains("failed-no-space")));
    }

    [Fact]
    public void Render_HealthyVolumeCause_SaysItIsNotADiskProblem()
    {
        var catalog = Load();
        var investigation = Investigations.Walked(Investigations.HealthyVolume(Investigations.BrokenCache()), (StepName.Blobs, StepStatus.ProblemFound));
        var cause = Diagnoser.Diagnose(investigation).RootCause;

        var text = catalog.Render(PromptKeys.RootCause(cause.Code), cause.Facts);

        Assert.Contains("not a disk problem", text);
        Assert.Contains("40 %", text);
        Assert.Contains("GC ran cleanly", text);
    }
}

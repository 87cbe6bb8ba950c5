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

    /// <summary>
    /// The keys this adapter and the new diagnosis need; other adapters' templates may sit beside them.
    /// </summary>
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
        Assert.Contains(
            report.Fixes, f => f.Kind == "run-gc" && f.Preconditions.Any(p => p.Contains("failed-no-space")));
    }

    /// <summary>Under each link the chat shows the request it rests on and the answer's lines that matter.</summary>
    [Fact]
    public void Report_SeedChain_KeyEvidenceIsTheMarkedRequestsAndLines()
    {
        var evidence = new Dictionary<StepName, Evidence[]>
        {
            [StepName.Volume] =
            [
                Evidence.Of("list pods -n harbor", "harbor-registry-0 (Running)"),
                Evidence.Of(
                    "exec harbor-registry-0: df -P /storage",
                    "exit 0\n" +
                    "Filesystem 1024-blocks Used Available Capacity Mounted on\n" +
                    "tmpfs 24576 23584 992 96% /storage"),
                Evidence.Of("exec harbor-registry-0: stat -c %s …/data", "exit 0\n98304"),
                Evidence.Of(
                    "get pods/harbor-registry-0/log --since=72h",
                    "no-space: 2 from 2026-03-17 14:22:31 UTC\n" +
                    "empty-link: 1 from 2026-03-17 14:23:00 UTC"),
            ],
            [StepName.CiLog] =
            [
                Evidence.Of("GET …/jobs", "job 1 \"build\" failed"),
                Evidence.Of("GET …/jobs/1/logs", "#9 ERROR: " + new string('x', 300) + "\nline two\nline three"),
            ],
        };
        var investigation = Investigations.Walked(
            Investigations.Seed(), evidence, (StepName.Blobs, StepStatus.ProblemFound));
        investigation.Conclude(Diagnoser.Diagnose(investigation), DateTimeOffset.UnixEpoch);

        var chain = new TriageReportBuilder(Load()).Build(investigation).RootCause!.Chain;

        var volume = chain.Single(l => l.Step == "volume");
        Assert.Equal(4, volume.Evidence.Count);
        Assert.Equal(
            [("exec harbor-registry-0: df -P /storage", "tmpfs 24576 23584 992 96% /storage"),
             ("get pods/harbor-registry-0/log --since=72h", "no-space: 2 from 2026-03-17 14:22:31 UTC")],
            volume.KeyEvidence.Select(e => (e.Request, e.Answer)));
        var ci = Assert.Single(chain.Single(l => l.Step == "ci-log").KeyEvidence);
        Assert.Equal("GET …/jobs/1/logs", ci.Request);
        Assert.Equal(2, ci.Answer.Split('\n').Length);
        Assert.EndsWith(" …", ci.Answer.Split('\n')[0]);
        Assert.Equal("line two", ci.Answer.Split('\n')[1]);
    }

    [Fact]
    public void Render_HealthyVolumeCause_SaysItIsNotADiskProblem()
    {
        var catalog = Load();
        var investigation = Investigations.Walked(
            Investigations.HealthyVolume(Investigations.BrokenCache()), (StepName.Blobs, StepStatus.ProblemFound));
        var cause = Diagnoser.Diagnose(investigation).RootCause;

        var text = catalog.Render(PromptKeys.RootCause(cause.Code), cause.Facts);

        Assert.Contains("not a disk problem", text);
        Assert.Contains("40 %", text);
        Assert.Contains("GC ran cleanly", text);
    }
}

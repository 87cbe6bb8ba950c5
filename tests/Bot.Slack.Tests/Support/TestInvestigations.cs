using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Targets;

namespace Bot.Slack.Tests.Support;

/// <summary>Investigations walked by hand through the fake steps, for tests that need one in a given state.</summary>
internal static class TestInvestigations
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    public static Investigation Walked(int steps, string id = "inv-test", string input = FakeSteps.Ref,
        IReadOnlyList<IInvestigationStep>? with = null)
    {
        Assert.True(ImageReference.TryParse(FakeSteps.Ref, out var reference));
        var investigation = Investigation.Open(id, TriageTarget.ForImage(input, reference!), Now);
        investigation.Begin(Now);

        foreach (var step in (with ?? FakeSteps.All()).Take(steps))
        {
            var result = step.RunAsync(investigation.Clues, default).Result;
            investigation.Record(
                new StepRecord(step.Name, result.Status, result.Finding, result.Evidence,
                    TimeSpan.FromMilliseconds(12), Now),
                result.Clues);
        }

        return investigation;
    }

    public static Investigation Concluded(string id = "inv-test", string input = FakeSteps.Ref)
    {
        var investigation = Walked(5, id, input);
        investigation.Conclude(Diagnoser.Diagnose(investigation), Now);
        return investigation;
    }

    /// <summary>
    /// Walked through <see cref="FakeSteps.SeedLike"/> and diagnosed, so the root cause has the seed's
    /// four-link chain; <paramref name="change"/> may alter the conclusion before it is recorded.
    /// </summary>
    public static Investigation ConcludedSeedLike(string id = "inv-test", Func<Conclusion, Conclusion>? change = null)
    {
        var investigation = Walked(5, id, with: FakeSteps.SeedLike());
        var conclusion = Diagnoser.Diagnose(investigation);
        investigation.Conclude(change?.Invoke(conclusion) ?? conclusion, Now);
        return investigation;
    }

    /// <summary>Concluded with all four fixes on offer, as the seed incident's full-volume chain offers them.</summary>
    public static Investigation ConcludedOfferingEveryFix(string id = "inv-test")
    {
        var investigation = Walked(5, id);
        var diagnosis = Diagnoser.Diagnose(investigation);
        var gc = new Dictionary<string, string> { ["volumeUsePercent"] = "97" };
        var resize = new Dictionary<string, string>
        {
            ["pvc"] = "harbor-registry", ["currentSize"] = "20Gi", ["proposedSize"] = "40Gi",
            ["storageClass"] = "standard",
        };
        var rerun = new Dictionary<string, string> { ["run"] = "https://github.com/acme/app/actions/runs/1" };
        Conclusion conclusion = diagnosis with
        {
            Fixes =
            [
                .. diagnosis.Fixes.Where(f => f.Kind == FixKind.DeleteCacheManifest),
                new OfferedFix(FixKind.RunGc, gc, ["no-gc-running"]),
                new OfferedFix(FixKind.ResizePvc, resize, ["pvc-bound", "new-size-larger"]),
                new OfferedFix(FixKind.RerunCi, rerun, ["cache-repaired-first"]),
            ],
        };
        investigation.Conclude(conclusion, Now);
        return investigation;
    }
}

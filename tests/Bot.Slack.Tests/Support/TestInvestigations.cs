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
}

using Bot.Core.Investigations;
using Bot.Core.Targets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests.Support;

internal static class Runners
{
    public static InvestigationRunner Create(
        IEnumerable<IInvestigationStep> steps, IInvestigationStore store, TimeProvider? time = null) =>
        new(
            steps,
            store,
            time ?? new FakeTimeProvider(),
            Options.Create(new RunnerOptions()),
            NullLogger<InvestigationRunner>.Instance);

    public static IEnumerable<ScriptedStep> AllFine() => Enum.GetValues<StepName>().Select(ScriptedStep.Fine);

    public static TriageTarget CacheRef()
    {
        if (!ImageReference.TryParse("registry.internal:5000/app:cache", out var reference))
            throw new InvalidOperationException("The test reference no longer parses.");
        return TriageTarget.ForImage("registry.internal:5000/app:cache", reference);
    }
}

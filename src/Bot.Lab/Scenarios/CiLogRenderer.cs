using Bot.Lab.GitHub;
using Fluid;
using Fluid.Values;

namespace Bot.Lab.Scenarios;

/// <summary>
/// Renders the scenario's job logs with what the lab knows only after pushing and breaking things
/// (digests, the cache ref, the broken blob). Strict: a variable that does not exist is an error
/// naming the job and the line, not an empty string in a log the bot will read.
/// </summary>
public static class CiLogRenderer
{
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithStrictVariables(true)
        .WithStrictFilters(true)
        .Build();

    public static LabRun Render(Scenario scenario, IReadOnlyDictionary<string, object?> facts)
    {
        var jobs = scenario.Ci.Jobs.Select(
            job => new LabJob(job.Id, job.Name, job.Conclusion, RenderLog(scenario, job, facts)));
        return new LabRun(scenario.Ci.Owner, scenario.Ci.Repository, scenario.Ci.RunId, jobs.ToList());
    }

    private static string RenderLog(Scenario scenario, CiJobSpec job, IReadOnlyDictionary<string, object?> facts)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in facts)
            context.SetValue(name, FluidValue.Create(value, Options));

        try
        {
            return job.LogTemplate.Render(context);
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException)
        {
            throw new ScenarioException(
                $"{scenario.SourcePath}:{job.Line}: the log of job '{job.Name}' does not render: {e.Message} " +
                $"(known variables: {string.Join(", ", facts.Keys)}).");
        }
    }
}

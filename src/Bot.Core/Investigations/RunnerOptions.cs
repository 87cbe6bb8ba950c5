namespace Bot.Core.Investigations;

/// <summary>Limits on the walk, bound from the <c>Investigation</c> section of appsettings.json.</summary>
public sealed class RunnerOptions
{
    /// <summary>How long one step may take before it is recorded as "could not check". Default 60 s.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

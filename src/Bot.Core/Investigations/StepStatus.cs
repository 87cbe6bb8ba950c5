namespace Bot.Core.Investigations;

/// <summary>What a step concluded about the thing it checked.</summary>
public enum StepStatus
{
    /// <summary>The step checked and found nothing wrong.</summary>
    Fine,

    /// <summary>The step checked and found a problem.</summary>
    ProblemFound,

    /// <summary>
    /// The step could not check (unreachable, refused, timed out, not configured); the finding says why.
    /// </summary>
    CouldNotCheck,

    /// <summary>The step does not apply to this investigation (for example, no CI log for a plain reference).</summary>
    Skipped,
}

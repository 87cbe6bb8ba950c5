using Bot.Core;
using Bot.Core.Investigations;

namespace Bot.Storage.Sqlite;

/// <summary>
/// A save carried a second, different record for a step already recorded: the step ran twice,
/// which the runner's one-transaction-per-transition design rules out. Refused, never dropped.
/// </summary>
public sealed class StepRecordedTwiceException : Exception
{
    public StepRecordedTwiceException()
    {
    }

    public StepRecordedTwiceException(string message)
        : base(message)
    {
    }

    public StepRecordedTwiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StepRecordedTwiceException(string investigationId, StepName step)
        : base($"Investigation {investigationId} already has a record for step {KebabCase.Of(step)}; " +
               "a step is recorded once, so this second one was refused and the save rolled back.")
    {
        InvestigationId = investigationId;
        Step = step;
    }

    public string? InvestigationId { get; }

    public StepName? Step { get; }
}

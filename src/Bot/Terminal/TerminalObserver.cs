using Bot.Core.Investigations;

namespace Bot.Terminal;

/// <summary>Prints each step as it starts and finishes, and the conclusion, to one writer.</summary>
internal sealed class TerminalObserver(ReportWriter writer, TextWriter output) : IInvestigationObserver
{
    // Several investigations may run at once; whole lines must not interleave.
    private readonly Lock _lines = new();

    public Task StepStartedAsync(Investigation investigation, StepName step, CancellationToken cancellationToken)
    {
        Write([writer.StepStarted(investigation, step)]);
        return Task.CompletedTask;
    }

    public Task StepRecordedAsync(Investigation investigation, StepRecord record, CancellationToken cancellationToken)
    {
        Write(writer.StepRecorded(investigation, record));
        return Task.CompletedTask;
    }

    public Task ConcludedAsync(Investigation investigation, CancellationToken cancellationToken)
    {
        Write(writer.Concluded(investigation));
        return Task.CompletedTask;
    }

    private void Write(IEnumerable<string> lines)
    {
        var text = lines.ToList();
        lock (_lines)
        {
            foreach (var line in text)
                output.WriteLine(line);
            output.Flush();
        }
    }
}

using System.Runtime.InteropServices;
using Bot.Lab.Cli;

// Ctrl-C and SIGTERM cancel the session's token; the session then stops its registry, unmounts
// its volume and deletes its directory before the process exits.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await LabCommandLine.RunAsync(args, Console.In, Console.Out, Console.Error, cancellation.Token);

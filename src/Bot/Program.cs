using Bot.Hosting;
using Serilog;

// Logging starts before anything else can fail; the host replaces this logger once configured.
Log.Logger = BotLogging.CreateBootstrapLogger();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await BotCommandLine.RunAsync(
        args, new Dictionary<string, string?>(), Console.In, Console.Out, Console.Error, stop.Token);
}
finally
{
    await Log.CloseAndFlushAsync();
}

using System.Runtime.InteropServices;

namespace Bot.Lab.Tests.Support;

/// <summary>POSIX signals to another process, straight through libc: no <c>kill</c> program needed.</summary>
internal static partial class Signals
{
    private const int Sigint = 2;

    /// <summary>What Ctrl-C in a terminal sends to the foreground process.</summary>
    public static void Interrupt(int pid)
    {
        if (Kill(pid, Sigint) != 0)
            throw new InvalidOperationException($"kill({pid}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Bot.Lab.Registry;

/// <summary>
/// Sets the nice value of every thread of a process (on Linux, a PID's priority covers only its
/// main thread, so each task under <c>/proc/&lt;pid&gt;/task</c> is reniced).
/// </summary>
internal static class ProcessPriority
{
    public static async Task SetNiceAsync(int pid, int nice, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("renice") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(nice.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("-p");
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            start.ArgumentList.Add(Path.GetFileName(task));

        try
        {
            using var process = Process.Start(start) ?? throw new LabPrerequisiteException("Could not start 'renice'.");
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (Win32Exception)
        {
            throw new LabPrerequisiteException(
                "renice is missing; the disk-full induction needs it: apt-get install -y bsdutils");
        }
    }
}

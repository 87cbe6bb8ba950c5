using System.Diagnostics;
using System.Globalization;

namespace Bot.ClusterBench;

/// <summary>Times one side of a comparison and prints medians; the benches assert nothing.</summary>
internal static class Timing
{
    public static async Task<double> TimeAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string Describe(string name, IReadOnlyCollection<double> values) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name}, median: {Median(values):0.0} ms (min {values.Min():0.0}, max {values.Max():0.0})");
}

using System.Diagnostics;
using System.Globalization;
using Bot.Core.Investigations;
using Bot.Lab.Registry;
using Bot.Registry;
using Bot.Registry.Blobs;
using Bot.Registry.Endpoints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Bench;

/// <summary>
/// One run: a real registry, one cache of 500 blobs, then the blob check with the configured
/// concurrency against the sequential baseline (alternating which goes first, so neither always
/// meets a warmer registry), the whole manifest+blob walk, and the process's peak RSS.
/// </summary>
internal static class BlobCheckBenchmark
{
    private const string RegistryName = "registry.internal:5000";
    private const int LayerCount = 500;
    private const int Rounds = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = Path.Combine(Path.GetTempPath(), "bot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new RegistrySettings
        {
            DataDirectory = Path.Combine(root, "data"),
            WorkDirectory = Path.Combine(root, "work"),
        };
        await using var registry = await RegistryProcess.StartAsync(settings, CancellationToken.None);
        try
        {
            using var http = new HttpClient { BaseAddress = registry.BaseUri };
            var pushWatch = Stopwatch.StartNew();
            var digest = await BenchCache.PushAsync(http, "bench", LayerCount, CancellationToken.None);
            Console.WriteLine(
                $"pushed {LayerCount} layers + cacheconfig + index {digest[..19]}… " +
                $"in {pushWatch.ElapsedMilliseconds} ms");

            await using var services = Services(registry.BaseUri);
            return await MeasureAsync(services);
        }
        finally
        {
            await registry.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(ServiceProvider services)
    {
        var steps = services.GetServices<IInvestigationStep>().ToDictionary(s => s.Name);
        var checker = services.GetRequiredService<BlobChecker>();
        var options = services.GetRequiredService<IOptions<RegistryOptions>>().Value;
        var endpoint = options.Registries[0];

        var start = new Clues { ImageRef = $"{RegistryName}/bench:cache" };
        var manifest = await steps[StepName.Manifest].RunAsync(start, default);
        if (manifest.Status != StepStatus.Fine)
        {
            Console.Error.WriteLine($"manifest step did not find the cache: {manifest.Finding.Code}");
            return 1;
        }

        var blobs = manifest.Clues.Blobs;
        await checker.CheckAsync(endpoint, "bench", blobs, CancellationToken.None);
        await checker.CheckAsync(endpoint, "bench", blobs, 1, CancellationToken.None);

        var concurrent = new List<double>();
        var sequential = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var concurrentFirst = round % 2 == 0;
            foreach (var useConcurrency in new[] { concurrentFirst, !concurrentFirst })
            {
                var concurrency = useConcurrency ? options.BlobCheckConcurrency : 1;
                var watch = Stopwatch.StartNew();
                var report = await checker.CheckAsync(endpoint, "bench", blobs, concurrency, CancellationToken.None);
                (useConcurrency ? concurrent : sequential).Add(watch.Elapsed.TotalMilliseconds);
                if (report.Broken.Count > 0 || report.Failure is not null)
                {
                    Console.Error.WriteLine("the blob check found problems in an intact cache; no figures");
                    return 1;
                }
            }
        }

        var walks = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            var found = await steps[StepName.Manifest].RunAsync(start, default);
            await steps[StepName.Blobs].RunAsync(found.Clues, default);
            walks.Add(watch.Elapsed.TotalMilliseconds);
        }

        Print(blobs.Count, options.BlobCheckConcurrency, concurrent, sequential, walks);
        return 0;
    }

    private static void Print(
        int blobCount, int concurrency, List<double> concurrent, List<double> sequential, List<double> walks)
    {
        var c = Median(concurrent);
        var s = Median(sequential);
        Console.WriteLine();
        Console.WriteLine(
            $"blob check of {blobCount} blobs, {Rounds} rounds each, alternating order, median (min–max):");
        Console.WriteLine("| measurement                              | median ms | min ms | max ms |");
        Console.WriteLine("|------------------------------------------|----------:|-------:|-------:|");
        Row($"blob check, concurrency {concurrency}", concurrent);
        Row("blob check, sequential (concurrency 1)", sequential);
        Row("ref -> manifest + blob steps finished", walks);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed-up sequential/concurrent: {s / c:F2}x"));
        Console.WriteLine($"peak RSS (VmHWM): {PeakRss()}");
        Console.WriteLine($"cores visible: {Environment.ProcessorCount}");
    }

    private static void Row(string name, List<double> values) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name,-40} | {Median(values),9:F1} | {values.Min(),6:F1} | {values.Max(),6:F1} |"));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string PeakRss()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
            return "unknown (no /proc)";

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? "unknown" : line["VmHWM:".Length..].Trim();
    }

    private static ServiceProvider Services(Uri registry)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Registries:0:Name"] = RegistryName,
            ["Registry:Registries:0:BaseUri"] = registry.ToString(),
        }).Build();
        return new ServiceCollection().AddLogging().AddRegistryChecks(configuration).BuildServiceProvider();
    }
}

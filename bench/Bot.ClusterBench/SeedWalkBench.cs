using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Hosting;
using Bot.Lab.Cli;
using Bot.Lab.GitHub;
using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;
using Bot.Registry.Manifests;
using k8s;

namespace Bot.ClusterBench;

/// <summary>
/// The seed incident end to end: the bot's <c>triage &lt;run link&gt;</c> (all five steps and the
/// diagnosis) against the same far-side calls made one after another with no parsing or
/// bookkeeping. Both sides talk to the same lab: the real registry on its full tmpfs, the GitHub
/// stand-in and the simulated cluster API.
/// </summary>
internal static class SeedWalkBench
{
    private const long SmallBlobBytes = 1024 * 1024;
    private const long LargeBlobKiB = 100 * 1024;

    public static async Task<int> RunAsync(int iterations, TextWriter output)
    {
        var root = Path.Combine(Path.GetTempPath(), "bot-seed-bench", Guid.NewGuid().ToString("N"));
        var scenario = ScenarioParser.ParseFile(ScenarioPaths.Resolve("scenarios/seed.yaml"));
        await using var lab = await LabSession.StartAsync(scenario, new LabSessionOptions { RootDirectory = root });
        await using var gitHub = await GitHubStandIn.StartAsync([lab.CiRun], CancellationToken.None);

        var link = LabCommandLine.PublicRunLink(lab.CiRun.Owner, lab.CiRun.Repository, lab.CiRun.RunId);
        var settings = new Dictionary<string, string?>(lab.BotConfiguration(gitHub.ApiBaseUri))
        {
            // Logs would only measure the console; the report is what this bench reads.
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        var cluster = lab.Cluster ?? throw new InvalidOperationException("The seed scenario has no cluster section.");
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath);
        using var kubernetes = new k8s.Kubernetes(config);
        using var http = new HttpClient();
        var broken = lab.Failure.BrokenBlob?.Digest
            ?? throw new InvalidOperationException("The seed induced no broken blob.");
        var raw = new RawCalls(
            kubernetes, cluster.Scenario.Namespace, cluster.Scenario.RegistryPod, cluster.Scenario.Container,
            cluster.Scenario.MountPath, LargeBlobKiB, broken);

        // One warm-up each: JIT, connections and the registry's caches would otherwise favour the second side.
        var (firstCode, _) = await TriageAsync(link, settings);
        if (firstCode != "volume-full-corrupted-cache")
        {
            await Console.Error.WriteLineAsync(
                $"the seed walk concluded {firstCode}, not the seed's cause; no figures");
            return 1;
        }
        await RawWalkAsync(http, gitHub.ApiBaseUri, lab, raw);

        var commands = new List<double>();
        var walks = new List<double>();
        var raws = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var botFirst = i % 2 == 0;
            foreach (var bot in new[] { botFirst, !botFirst })
            {
                if (bot)
                {
                    double walk = 0;
                    commands.Add(await Timing.TimeAsync(async () => (_, walk) = await TriageAsync(link, settings)));
                    walks.Add(walk);
                }
                else
                {
                    raws.Add(await Timing.TimeAsync(() => RawWalkAsync(http, gitHub.ApiBaseUri, lab, raw)));
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed scenario, run link -> diagnosis, " +
            $"{iterations} iterations after one warm-up each, alternating order:"));
        output.WriteLine(Timing.Describe("bot triage command (host start, 5 steps, diagnosis, JSON)", commands));
        output.WriteLine(Timing.Describe("bot walk, link accepted -> concluded (report durationMs)", walks));
        output.WriteLine(Timing.Describe("same far-side calls one after another", raws));
        var rawMedian = Timing.Median(raws);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio walk/raw: {Timing.Median(walks) / rawMedian:0.00}; " +
            $"command/raw: {Timing.Median(commands) / rawMedian:0.00}"));
        return 0;
    }

    /// <summary>The bot as a person runs it; returns the root-cause code and the report's own duration.</summary>
    private static async Task<(string Code, double DurationMs)> TriageAsync(
        string link, IReadOnlyDictionary<string, string?> settings)
    {
        using var stdout = new StringWriter();
        var exit = await BotCommandLine.RunAsync(
            ["triage", link, "--json"], settings, TextReader.Null, stdout, TextWriter.Null, CancellationToken.None);
        if (exit != 0)
            throw new InvalidOperationException($"triage exited {exit}");

        using var report = JsonDocument.Parse(stdout.ToString());
        var code = report.RootElement.GetProperty("rootCause").GetProperty("code").GetString()!;
        return (code, report.RootElement.GetProperty("durationMs").GetDouble());
    }

    /// <summary>
    /// What the walk asks the far sides, in order: the run's jobs and the failed job's log, the cache
    /// manifest, each blob it references (whole when small, one byte otherwise), then the cluster calls.
    /// </summary>
    private static async Task RawWalkAsync(HttpClient http, Uri gitHubApi, LabSession lab, RawCalls cluster)
    {
        var run = lab.CiRun;
        var repoPath = $"repos/{run.Owner}/{run.Repository}";
        await http.GetStringAsync(new Uri(gitHubApi, $"{repoPath}/actions/runs/{run.RunId}/jobs"));
        await http.GetStringAsync(new Uri(gitHubApi, $"{repoPath}/actions/jobs/{run.Jobs[0].Id}/logs"));

        using var manifestRequest = new HttpRequestMessage(
            HttpMethod.Get, new Uri(lab.RegistryBaseUri, "v2/app/manifests/cache"));
        foreach (var mediaType in MediaTypes.Accepted)
            manifestRequest.Headers.Accept.ParseAdd(mediaType);
        using var manifest = await http.SendAsync(manifestRequest);
        using var document = JsonDocument.Parse(await manifest.Content.ReadAsByteArrayAsync());

        foreach (var (digest, size) in Descriptors(document.RootElement))
        {
            using var request = new HttpRequestMessage(
                HttpMethod.Get, new Uri(lab.RegistryBaseUri, $"v2/app/blobs/{digest}"));
            if (size > SmallBlobBytes)
                request.Headers.Range = new RangeHeaderValue(0, 0);
            using var response = await http.SendAsync(request);
            await response.Content.CopyToAsync(Stream.Null);
        }

        await cluster.RunAsync(CancellationToken.None);
    }

    private static IEnumerable<(string Digest, long Size)> Descriptors(JsonElement manifest)
    {
        if (manifest.TryGetProperty("config", out var config))
            yield return (config.GetProperty("digest").GetString()!, config.GetProperty("size").GetInt64());

        foreach (var list in new[] { "layers", "manifests" })
        {
            if (!manifest.TryGetProperty(list, out var items))
                continue;
            foreach (var item in items.EnumerateArray())
                yield return (item.GetProperty("digest").GetString()!, item.GetProperty("size").GetInt64());
        }
    }
}

using System.Globalization;
using Bot.Core.Investigations;
using Bot.Core.Triage;
using Bot.GitHub;
using Bot.Registry;
using Bot.Storage;
using Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.SlackBench;

/// <summary>
/// The triage side of the bench, wired as the server wires it: the real target parser (GitHub run
/// links, the configured registries), the real launcher, queue and SQLite store. Only the walk is
/// left out: the queue is drained without running investigations, so the bench measures the acks
/// (each command's investigation written to SQLite before its answer) and not the steps.
/// </summary>
internal static class BenchTriage
{
    public const string Registry = "registry.internal:5000";
    public const string Reference = Registry + "/app:cache";

    public static IServiceCollection AddBenchTriage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.Configure<RunnerOptions>(configuration.GetSection("Investigation"));
        services.AddSingleton<IInvestigationStore, SqliteInvestigationStore>();
        services.AddSingleton<InvestigationRunner>();
        services.AddSingleton<TargetParser>();
        services.AddSingleton<TriageQueue>();
        services.AddSingleton<ITriageLauncher, TriageLauncher>();

        // For their parser and allowlist; their steps are registered but never run here.
        services.AddGitHubCiLog(configuration);
        services.AddRegistryChecks(configuration);
        return services;
    }

    /// <summary>Runner-free stand-in for the worker: takes each queued id and lets it be.</summary>
    public static async Task<int> DrainAsync(TriageQueue queue, CancellationToken cancellationToken)
    {
        var drained = 0;
        try
        {
            await foreach (var _ in queue.ReadAllAsync(cancellationToken))
                drained++;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The bench is over.
        }

        return drained;
    }

    /// <summary>
    /// Launches <paramref name="count"/> investigations and walks each to its conclusion with a
    /// runner that has no steps (each is recorded "not configured"), so the clicks name real
    /// concluded investigations in the store.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ConcludeAsync(IServiceProvider services, int count)
    {
        var launcher = services.GetRequiredService<ITriageLauncher>();
        var store = services.GetRequiredService<IInvestigationStore>();
        var noSteps = new InvestigationRunner([], store, TimeProvider.System, Options.Create(new RunnerOptions()),
            NullLogger<InvestigationRunner>.Instance);

        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var launched = await launcher.LaunchAsync(new TriageRequest(Reference, "U0SEED", "bench"), default);
            var id = launched.InvestigationId
                ?? throw new InvalidOperationException($"The bench's reference was refused: {launched.Rejection}.");
            var investigation = Investigation.Restore((await store.FindAsync(id, default))!);
            await noSteps.RunAsync(investigation, [], default);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>What the run left in the database: investigations opened, and stored clicks by state.</summary>
    public static async Task<(int Investigations, IReadOnlyDictionary<string, int> Clicks)> CountAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var investigations = connection.CreateCommand();
        investigations.CommandText = "SELECT COUNT(*) FROM investigations";
        var opened = Convert.ToInt32(await investigations.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

        await using var clicks = connection.CreateCommand();
        clicks.CommandText = "SELECT state, COUNT(*) FROM slack_click_inbox GROUP BY state";
        var byState = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await clicks.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            byState[reader.GetString(0)] = reader.GetInt32(1);

        return (opened, byState);
    }
}

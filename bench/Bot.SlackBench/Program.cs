using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.Core.Prompts;
using Bot.Core.Triage;
using Bot.Slack;
using Bot.Slack.Signing;
using Bot.SlackBench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project bench/Bot.SlackBench [-- <requests per second> <seconds>]
// Open loop: requests leave on a fixed schedule whether or not earlier ones have been answered,
// so a slow server shows up as latency instead of quietly lowering the rate.
var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
const string Secret = "bench-signing-secret";
const double DeadlineMs = 3000;

await using var slack = await WebApiStandIn.StartAsync();
var database = Path.Combine(Path.GetTempPath(), $"slack-bench-{Guid.NewGuid():N}.db");

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Slack:BotToken"] = "xoxb-bench",
    ["Slack:SigningSecret"] = Secret,
    ["Slack:Channel"] = "C0BENCH",
    ["Slack:ApiBaseUrl"] = slack.ApiUrl.ToString(),
    ["Slack:Approvers:0"] = "U0APPROVER",
    ["Storage:SqlitePath"] = database,
    ["Registry:Registries:0:Name"] = BenchTriage.Registry,
    // Never contacted: no investigation is walked.
    ["Registry:Registries:0:BaseUri"] = "http://127.0.0.1:9/",
});
// The bench wires only the Slack adapter, so only the Slack templates have to be used.
builder.Services.AddSingleton(PromptCatalog.Load(
    FindPrompts(),
    PromptKeys.Core().Concat(SlackPrompts.Keys),
    key => key.StartsWith("slack/", StringComparison.Ordinal)));
builder.Services.AddBenchTriage(builder.Configuration);
builder.Services.AddSlack(builder.Configuration);

await using var app = builder.Build();
app.MapSlack("/slack");
await app.StartAsync();
using var stopDraining = new CancellationTokenSource();
var draining = BenchTriage.DrainAsync(app.Services.GetRequiredService<TriageQueue>(), stopDraining.Token);

// The clicks name these, so each one goes through the inbox to a stored, concluded investigation.
var concluded = await BenchTriage.ConcludeAsync(app.Services, 20);

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 })
{
    BaseAddress = new Uri(app.Urls.First()),
};

Console.WriteLine($"Slack ack bench: {rate} requests/s for {seconds} s (half commands, half clicks), loopback");
// Warm-up bodies differ from every measured one: a byte-identical signed request is a replay.
await SendAsync(http, Kind.Command, -1);
await SendAsync(http, Kind.Click, -1);

var total = rate * seconds;
var results = new (Kind Kind, double Ms, bool Ok)[total];
var clock = Stopwatch.StartNew();
var inFlight = new List<Task>(total);
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds((double)i / rate);
    var wait = due - clock.Elapsed;
    if (wait > TimeSpan.Zero)
        await Task.Delay(wait);

    var index = i;
    var kind = i % 2 == 0 ? Kind.Command : Kind.Click;
    inFlight.Add(Task.Run(async () => results[index] = await SendAsync(http, kind, index)));
}

await Task.WhenAll(inFlight);
var elapsed = clock.Elapsed;
var webApiCalls = slack.Calls;
await stopDraining.CancelAsync();
await draining;
var (investigations, clicks) = await BenchTriage.CountAsync(database);
// With the warm-up command and click.
var commandsSent = results.Count(r => r.Kind == Kind.Command) + 1;
var clicksSent = results.Count(r => r.Kind == Kind.Click) + 1;
var launches = investigations - concluded.Count;
Console.WriteLine($"sent {total} in {elapsed.TotalSeconds:F1} s ({total / elapsed.TotalSeconds:F0}/s achieved); " +
    $"launches {launches}, Web API calls after acks {webApiCalls}");
Console.WriteLine($"stored in SQLite before the ack: {launches} of {commandsSent} investigations " +
    "(others refused busy), " +
    $"{clicks.Values.Sum()} of {clicksSent} clicks (others answered busy); clicks by state: " +
    string.Join(", ", clicks.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
foreach (var kind in new[] { Kind.Command, Kind.Click })
    Report(kind, [.. results.Where(r => r.Kind == kind)]);

await app.StopAsync();
SqliteConnection.ClearAllPools();
foreach (var file in new[] { database, database + "-wal", database + "-shm" })
    File.Delete(file);
return 0;

async Task<(Kind, double, bool)> SendAsync(HttpClient client, Kind kind, int n)
{
    var body = kind == Kind.Command
        ? $"team_id=T1&channel_id=C1&user_id=U{n}&command=%2Ftriage" +
          "&text=" + Uri.EscapeDataString(BenchTriage.Reference) +
          "&response_url=" + Uri.EscapeDataString("https://hooks.slack.com/commands/T1/1/x")
        : "payload=" + Uri.EscapeDataString(ClickPayload(n, concluded[(n + concluded.Count) % concluded.Count]));
    var bytes = Encoding.UTF8.GetBytes(body);
    var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    using var request = new HttpRequestMessage(HttpMethod.Post,
        kind == Kind.Command ? "/slack/commands" : "/slack/interactivity")
    {
        Content = new ByteArrayContent(bytes),
    };
    request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
    request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
    request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, bytes));

    var started = Stopwatch.GetTimestamp();
    using var response = await client.SendAsync(request);
    await response.Content.ReadAsByteArrayAsync();
    return (kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode);
}

// Every click has its own trigger_id and action_ts, as Slack sends them, so none is taken for a redelivery.
static string ClickPayload(int n, string investigationId) =>
    $$"""
    {"type":"block_actions","user":{"id":"U0APPROVER","team_id":"T1"},"team":{"id":"T1"},
     "channel":{"id":"C0BENCH"},"response_url":"http://127.0.0.1:9/x","trigger_id":"1.2.{{n}}",
     "actions":[{"type":"button","action_id":"fix:delete-cache-manifest","action_ts":"1700000001.{{n}}",
     "value":"{{investigationId}}|delete-cache-manifest"}]}
    """;

static void Report(Kind kind, (Kind Kind, double Ms, bool Ok)[] results)
{
    var sorted = results.Select(r => r.Ms).Order().ToArray();
    double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    var late = sorted.Count(ms => ms > DeadlineMs);
    Console.WriteLine(
        $"{kind,-8} n={sorted.Length} ok={results.Count(r => r.Ok)} p50={At(0.50):F2} ms p90={At(0.90):F2} ms " +
        $"p99={At(0.99):F2} ms max={sorted[^1]:F2} ms; over {DeadlineMs:F0} ms: {late}");
}

static string FindPrompts()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            return Path.Combine(dir.FullName, "prompts");
    }

    throw new DirectoryNotFoundException("Run the bench from inside the repository; prompts/ was not found.");
}

internal enum Kind
{
    Command,
    Click,
}

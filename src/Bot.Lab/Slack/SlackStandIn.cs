using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Bot.Lab.Slack;

/// <summary>
/// A local stand-in for Slack's Web API (and its Socket Mode socket) on Kestrel: records every
/// call, answers like Slack by default, and answers scripted errors or 429s when told to.
/// </summary>
public sealed class SlackStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripts = new();
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<Refusal> _refusals = new();
    private int _ts;

    private SlackStandIn(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiUrl => new(BaseUrl, "api/");

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    public List<string> UsergroupMembers { get; } = [];

    /// <summary>What the socket does with each Socket Mode connection, in order of connection.</summary>
    public ConcurrentQueue<Func<WebSocket, Task>> SocketScripts { get; } = new();

    private int _socketConnections;

    public int SocketConnections => Volatile.Read(ref _socketConnections);

    public static async Task<SlackStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new SlackStandIn(app);

        app.UseWebSockets();
        app.MapPost("/api/{method}", (string method, HttpContext context) => standIn.AnswerAsync(method, context));
        app.Map("/socket", standIn.SocketAsync);

        await app.StartAsync();
        standIn.BaseUrl = new Uri(app.Urls.First() + "/");
        return standIn;
    }

    public void Script(string method, int status, string body, string? retryAfter = null) =>
        _scripts.GetOrAdd(method, _ => new()).Enqueue(new ScriptedAnswer(status, body, retryAfter));

    /// <summary>
    /// Answers every call to <paramref name="method"/> that <paramref name="when"/> picks with
    /// <c>ok:false</c> and <paramref name="error"/>, as Slack refuses a payload it will not take.
    /// </summary>
    public void Refuse(string method, Func<RecordedCall, bool> when, string error) =>
        _refusals.Enqueue(new Refusal(method, when, error));

    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(string method, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var contentType = context.Request.ContentType ?? "";
        var json = contentType.StartsWith("application/json", StringComparison.Ordinal) ? JsonNode.Parse(body) : null;
        var call = new RecordedCall(method, context.Request.Headers.Authorization.ToString(), contentType,
            context.Request.QueryString.Value ?? "", body, json);
        var (status, answer, retryAfter) = Answer(method, call);
        _calls.Enqueue(call with { Status = status });

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (retryAfter is not null)
            context.Response.Headers.RetryAfter = retryAfter;
        await context.Response.WriteAsync(answer);
    }

    /// <summary>A refusal that picks the call first, then the next scripted answer, then Slack's usual one.</summary>
    private (int Status, string Body, string? RetryAfter) Answer(string method, RecordedCall call)
    {
        if (_refusals.FirstOrDefault(r => r.Method == method && r.When(call)) is { } refusal)
            return (200, new JsonObject { ["ok"] = false, ["error"] = refusal.Error }.ToJsonString(), null);

        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
            return (scripted.Status, scripted.Body, scripted.RetryAfter);

        return (200, DefaultAnswer(method, call.Json).ToJsonString(), null);
    }

    private JsonObject DefaultAnswer(string method, JsonNode? json)
    {
        var ts = $"1700000000.{Interlocked.Increment(ref _ts):D6}";
        return method switch
        {
            "chat.postMessage" => new JsonObject { ["ok"] = true,
                ["channel"] = json?["channel"]?.GetValue<string>(), ["ts"] = ts },
            "chat.update" => new JsonObject
            {
                ["ok"] = true,
                ["channel"] = json?["channel"]?.GetValue<string>(),
                ["ts"] = json?["ts"]?.GetValue<string>(),
            },
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = ts },
            "usergroups.users.list" => new JsonObject
            {
                ["ok"] = true, ["users"] = new JsonArray([.. UsergroupMembers.Select(u => (JsonNode)u)]),
            },
            "apps.connections.open" => new JsonObject
            {
                ["ok"] = true, ["url"] = new Uri(BaseUrl, "socket").ToString().Replace("http://", "ws://",
                    StringComparison.Ordinal),
            },
            _ => new JsonObject { ["ok"] = false, ["error"] = "unknown_method" },
        };
    }

    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        Interlocked.Increment(ref _socketConnections);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (SocketScripts.TryDequeue(out var script))
            await script(socket);
        else
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private sealed record ScriptedAnswer(int Status, string Body, string? RetryAfter);

    private sealed record Refusal(string Method, Func<RecordedCall, bool> When, string Error);
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bot.Lab.Cluster;

/// <summary>
/// A Kubernetes API on 127.0.0.1 (plain http) serving the subset the bot uses: namespaces, pods
/// (list/get), PVC, StorageClass, pods/log and pods/exec over WebSocket. Exec runs the requested
/// program for real with the pod's storage path bind-mounted onto a lab directory in a private
/// mount namespace. RBAC refusals are played from the scenario. It writes a kubeconfig for the bot.
/// Under <c>/harbor</c> it also serves Harbor's GC history, for a bot that reads GC from Harbor.
/// </summary>
public sealed partial class ClusterSimulator : IAsyncDisposable
{
    private readonly ClusterScenario _scenario;
    private readonly MountNamespace _mounts;
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly DateTime _started;
    private readonly ConcurrentQueue<LogRequest> _logRequests = new();

    private ClusterSimulator(
        ClusterScenario scenario, MountNamespace mounts, WebApplication app, string workDirectory, TimeProvider time)
    {
        _scenario = scenario;
        _mounts = mounts;
        _app = app;
        _time = time;
        _started = time.GetUtcNow().UtcDateTime.AddHours(-1);
        KubeconfigPath = Path.Combine(workDirectory, "kubeconfig.yaml");
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Harbor's API base, behind a path and without a trailing slash, as a user would paste it.</summary>
    public Uri HarborBaseUri => new(BaseUri, HarborGcApi.PathBase);

    /// <summary>A kubeconfig pointing at this simulator, with the scenario's namespace and token.</summary>
    public string KubeconfigPath { get; }

    public ClusterScenario Scenario => _scenario;

    /// <summary>Every pods/log request so far, in order.</summary>
    public IReadOnlyCollection<LogRequest> LogRequests => _logRequests;

    /// <param name="workDirectory">Where the kubeconfig is written.</param>
    /// <param name="time">
    /// The clock behind pod start times and the log window (<c>sinceSeconds</c>); the system clock when null.
    /// </param>
    public static async Task<ClusterSimulator> StartAsync(
        ClusterScenario scenario,
        string workDirectory,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(workDirectory);
        var mounts = await MountNamespace.CreateAsync(scenario.StorageDirectory, scenario.MountPath, cancellationToken);
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Services.AddOptions();
            builder.Services.AddLogging();
            var app = builder.Build();

            var simulator = new ClusterSimulator(scenario, mounts, app, workDirectory, time ?? TimeProvider.System);
            app.UseWebSockets();
            app.Run(simulator.HandleAsync);
            await app.StartAsync(cancellationToken);

            var server = app.Services.GetRequiredService<IServer>();
            var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
            simulator.BaseUri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
            await File.WriteAllTextAsync(simulator.KubeconfigPath, simulator.Kubeconfig(), cancellationToken);
            return simulator;
        }
        catch
        {
            await mounts.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // An exec handler waits for the client's close frame, which KubernetesClient never sends;
        // stopping with an expired token ends such connections instead of waiting them out.
        using var now = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await _app.StopAsync(now.Token);
        await _app.DisposeAsync();
        await _mounts.DisposeAsync();
    }

    private string Kubeconfig() => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: lab
          cluster:
            server: {BaseUri.ToString().TrimEnd('/')}
        users:
        - name: triage-bot
          user:
            token: {_scenario.Token}
        contexts:
        - name: lab
          context:
            cluster: lab
            user: triage-bot
            namespace: {_scenario.Namespace}
        current-context: lab
        """;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(HarborGcApi.PathBase, StringComparison.Ordinal))
        {
            await HarborGcApi.HandleAsync(context, _scenario);
            return;
        }
        if (request.Headers.Authorization.ToString() != "Bearer " + _scenario.Token)
        {
            await FailAsync(context, 401, "Unauthorized", "Unauthorized");
            return;
        }

        if (request.Method != HttpMethods.Get)
        {
            await FailAsync(context, 405, "MethodNotAllowed", "the lab cluster only reads");
            return;
        }

        var storage = StorageClassPath().Match(request.Path.Value ?? "");
        if (storage.Success)
        {
            await StorageClassAsync(context, Uri.UnescapeDataString(storage.Groups["name"].Value));
            return;
        }

        var match = NamespacedPath().Match(request.Path.Value ?? "");
        if (!match.Success)
        {
            await FailAsync(context, 404, "NotFound", "the server could not find the requested resource");
            return;
        }

        var ns = match.Groups["ns"].Value;
        var resource = match.Groups["res"].Success ? match.Groups["res"].Value : null;
        var name = match.Groups["name"].Success ? Uri.UnescapeDataString(match.Groups["name"].Value) : null;
        var sub = match.Groups["sub"].Success ? match.Groups["sub"].Value : null;
        var (verb, rbacResource) = (resource, name, sub) switch
        {
            (null, _, _) => ("get", "namespaces"),
            ("pods", null, _) => ("list", "pods"),
            ("pods", _, "log") => ("get", "pods/log"),
            ("pods", _, "exec") => ("create", "pods/exec"),
            _ => ("get", resource),
        };

        if (IsForbidden(verb, rbacResource) || verb == "create" && IsForbidden("get", rbacResource))
        {
            var refusedVerb = IsForbidden(verb, rbacResource) ? verb : "get";
            await WriteAsync(context, 403, ClusterObjects.Forbidden(_scenario, refusedVerb, rbacResource, name));
            return;
        }

        if (ns != _scenario.Namespace)
        {
            await FailAsync(context, 404, "NotFound", $"namespaces \"{ns}\" not found");
            return;
        }

        switch (resource, name, sub)
        {
            case (null, _, _):
                await WriteAsync(context, 200, ClusterObjects.Namespace(_scenario));
                break;
            case ("pods", null, _):
                var items = Pods(request.Query["labelSelector"].ToString()).ToList();
                var list = new V1PodList { ApiVersion = "v1", Kind = "PodList", Metadata = new(), Items = items };
                await WriteAsync(context, 200, list);
                break;
            case ("pods", _, null):
                await PodAsync(context, name!);
                break;
            case ("pods", _, "log"):
                await LogAsync(context, name!);
                break;
            case ("pods", _, "exec"):
                await ExecAsync(context, name!);
                break;
            case ("persistentvolumeclaims", _, null):
                await PvcAsync(context, name!);
                break;
            default:
                await FailAsync(context, 404, "NotFound", "the server could not find the requested resource");
                break;
        }
    }

    private bool IsForbidden(string verb, string resource) =>
        _scenario.Forbidden.Any(r => r.Verb == verb && r.Resource == resource);

    private IEnumerable<V1Pod> AllPods() =>
        _scenario.GcPods
            .Select(g => ClusterObjects.GcPod(_scenario, g, _started))
            .Prepend(ClusterObjects.RegistryPod(_scenario, RegistryStarted.UtcDateTime));

    private DateTimeOffset RegistryStarted => _scenario.RegistryStartedAt ?? new DateTimeOffset(_started);

    private IEnumerable<V1Pod> Pods(string selector) => AllPods().Where(p => Matches(p.Metadata.Labels, selector));

    /// <summary>
    /// Comma-joined terms: equality (<c>a=b</c>, <c>a==b</c>), inequality (<c>a!=b</c>), existence (<c>a</c>).
    /// </summary>
    private static bool Matches(IDictionary<string, string>? labels, string selector)
    {
        labels ??= new Dictionary<string, string>();
        var terms = selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var term in terms)
        {
            var notEqual = term.Split("!=", 2);
            if (notEqual.Length == 2)
            {
                if (labels.TryGetValue(notEqual[0].Trim(), out var v) && v == notEqual[1].Trim())
                    return false;
                continue;
            }

            var equal = term.Replace("==", "=", StringComparison.Ordinal).Split('=', 2);
            var holds = equal.Length == 1
                ? labels.ContainsKey(term)
                : labels.TryGetValue(equal[0].Trim(), out var value) && value == equal[1].Trim();
            if (!holds)
                return false;
        }

        return true;
    }

    private async Task PodAsync(HttpContext context, string name)
    {
        var pod = AllPods().FirstOrDefault(p => p.Metadata.Name == name);
        if (pod is null)
            await FailAsync(context, 404, "NotFound", $"pods \"{name}\" not found");
        else
            await WriteAsync(context, 200, pod);
    }

    private async Task PvcAsync(HttpContext context, string name)
    {
        if (_scenario.PvcName != name || !_scenario.PvcExists)
            await FailAsync(context, 404, "NotFound", $"persistentvolumeclaims \"{name}\" not found");
        else
            await WriteAsync(context, 200, ClusterObjects.Pvc(_scenario));
    }

    private async Task StorageClassAsync(HttpContext context, string name)
    {
        if (IsForbidden("get", "storageclasses"))
            await WriteAsync(context, 403, ClusterObjects.Forbidden(_scenario, "get", "storageclasses", name));
        else if (_scenario.StorageClass != name)
            await FailAsync(context, 404, "NotFound", $"storageclasses.storage.k8s.io \"{name}\" not found");
        else
            await WriteAsync(context, 200, ClusterObjects.StorageClass(_scenario));
    }

    /// <summary>
    /// The registry container's log is the lab registry's real log file, read at request time;
    /// a GC pod's is its scenario text. Like the API server, <c>sinceSeconds</c> drops the lines
    /// written before now minus that many seconds, and <c>timestamps=true</c> puts each line's
    /// time first (<see cref="LogClock"/> says when a line was written).
    /// </summary>
    private async Task LogAsync(HttpContext context, string name)
    {
        var query = context.Request.Query;
        var container = query["container"].ToString();
        var since = int.TryParse(query["sinceSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s
            : (int?)null;
        var timestamps = string.Equals(query["timestamps"], "true", StringComparison.OrdinalIgnoreCase);
        _logRequests.Enqueue(new LogRequest(name, container.Length > 0 ? container : null, since, timestamps));

        string text;
        DateTimeOffset started;
        if (name == _scenario.RegistryPod)
        {
            if (container.Length > 0 && container != _scenario.Container)
            {
                await FailAsync(context, 400, "BadRequest", $"container {container} is not valid for pod {name}");
                return;
            }

            text = _scenario.RegistryLogPath is { } path && File.Exists(path) ? await ReadSharedAsync(path) : "";
            started = RegistryStarted;
        }
        else if (_scenario.GcPods.FirstOrDefault(g => g.Name == name) is { } gc)
        {
            text = gc.Log;
            started = gc.StartedAt ?? new DateTimeOffset(_started);
        }
        else
        {
            await FailAsync(context, 404, "NotFound", $"pods \"{name}\" not found");
            return;
        }

        var now = _time.GetUtcNow();
        var oldest = since is { } seconds && !_scenario.IgnoreSinceSeconds
            ? now.AddSeconds(-seconds)
            : DateTimeOffset.MinValue;
        var served = new StringBuilder();
        foreach (var (at, line) in LogClock.Stamp(text, started, now).Where(l => l.At >= oldest))
        {
            if (timestamps)
                served.Append(LogClock.Format(at)).Append(' ');
            served.Append(line).Append('\n');
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(served.ToString(), Encoding.UTF8);
    }

    private async Task ExecAsync(HttpContext context, string name)
    {
        var query = context.Request.Query;
        var container = query["container"].ToString();
        var command = query["command"].Where(c => c is not null).Select(c => c!).ToList();
        if (name != _scenario.RegistryPod)
        {
            await FailAsync(context, 404, "NotFound", $"pods \"{name}\" not found");
            return;
        }

        if (container != _scenario.Container || command.Count == 0)
        {
            await FailAsync(
                context, 400, "BadRequest", $"container {container} is not valid for pod {name}, or no command");
            return;
        }

        var sockets = context.WebSockets;
        if (!sockets.IsWebSocketRequest || !sockets.WebSocketRequestedProtocols.Contains(ExecSession.Protocol))
        {
            await FailAsync(context, 400, "BadRequest", "exec needs a WebSocket upgrade with " + ExecSession.Protocol);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(ExecSession.Protocol);
        await ExecSession.RunAsync(socket, _mounts, command, context.RequestAborted);
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        // The registry appends to this file while we read it.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static Task FailAsync(HttpContext context, int status, string reason, string message) =>
        WriteAsync(context, status, ClusterObjects.Status(status, reason, message));

    private static async Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var json = body is V1Status failure ? StatusJson.Serialize(failure) : KubernetesJson.Serialize(body);
        await context.Response.WriteAsync(json, Encoding.UTF8);
    }

    [GeneratedRegex(
        "^/api/v1/namespaces/(?<ns>[^/]+)" +
        "(?:/(?<res>pods|persistentvolumeclaims)(?:/(?<name>[^/]+)(?:/(?<sub>log|exec))?)?)?$")]
    private static partial Regex NamespacedPath();

    [GeneratedRegex("^/apis/storage\\.k8s\\.io/v1/storageclasses/(?<name>[^/]+)$")]
    private static partial Regex StorageClassPath();
}

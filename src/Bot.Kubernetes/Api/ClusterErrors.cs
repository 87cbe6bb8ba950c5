using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;

namespace Bot.Kubernetes.Api;

/// <summary>
/// Turns what KubernetesClient throws into a <see cref="ClusterProblem"/>. A 403's Status body
/// names the verb and resource RBAC refused; when there is no body (a refused WebSocket upgrade),
/// the verb and resource the bot attempted stand in, with every verb that call can need.
/// </summary>
public static partial class ClusterErrors
{
    private const int MaxDetail = 300;

    /// <summary>
    /// Exec over WebSocket is authorized as <c>create</c> on pods/exec from Kubernetes 1.35; older
    /// API servers authorize the upgrade (an HTTP GET) as <c>get</c> (deploy/rbac.yaml grants both).
    /// </summary>
    private static readonly string[] ExecVerbs = ["create", "get"];

    public static ClusterProblem Classify(Exception exception, string verb, string resource, string? name)
    {
        switch (exception)
        {
            case HttpOperationException http:
                return FromStatus(
                    (int)http.Response.StatusCode, StatusOf(http), http.Response.Content, verb, resource, name);
            case KubernetesException { Status: { } status }:
                return status.Code is 401 or 403 or 404
                    ? FromStatus(status.Code.Value, status, status.Message, verb, resource, name)
                    : new ClusterProblem(
                        ClusterProblemKinds.ExecFailed, verb, resource, name,
                        Clip(status.Message ?? status.Reason ?? "exec failed"));
            case WebSocketException ws:
                return FromWebSocket(ws, verb, resource, name);
            case KubeConfigException or FileNotFoundException or DirectoryNotFoundException:
                return new ClusterProblem(ClusterProblemKinds.NoConfig, verb, resource, name, Clip(exception.Message));
            case HttpRequestException { InnerException: SocketException } or HttpRequestException { StatusCode: null }:
                return new ClusterProblem(
                    ClusterProblemKinds.Unreachable, verb, resource, name, Clip(exception.Message));
            case TaskCanceledException or OperationCanceledException or TimeoutException:
                return new ClusterProblem(ClusterProblemKinds.TimedOut, verb, resource, name, "no answer in time");
            default:
                return new ClusterProblem(
                    ClusterProblemKinds.Failed, verb, resource, name,
                    Clip(exception.GetType().Name + ": " + exception.Message));
        }
    }

    private static ClusterProblem FromStatus(
        int code, V1Status? status, string? body, string verb, string resource, string? name)
    {
        var message = status?.Message ?? body ?? "";
        var kind = code switch
        {
            401 => ClusterProblemKinds.Unauthorized,
            403 => ClusterProblemKinds.Forbidden,
            404 => ClusterProblemKinds.NotFound,
            _ => ClusterProblemKinds.Failed,
        };

        // "pods \"x\" is forbidden: User \"…\" cannot create resource \"pods/exec\" in API group \"\" …"
        var refused = Refused().Match(message);
        if (kind == ClusterProblemKinds.Forbidden && refused.Success)
        {
            verb = refused.Groups["verb"].Value;
            resource = refused.Groups["resource"].Value;
        }

        var detail = string.IsNullOrWhiteSpace(message) ? $"HTTP {code}" : Clip(message);
        return new ClusterProblem(kind, verb, resource, name, detail);
    }

    private static ClusterProblem FromWebSocket(WebSocketException ws, string verb, string resource, string? name)
    {
        // .NET reports a refused upgrade as
        // "The server returned status code '403' when status code '101' was expected."
        var status = UpgradeStatus().Match(ws.Message);
        if (status.Success && int.TryParse(status.Groups["code"].Value, out var code))
        {
            var problem = FromStatus(code, null, null, verb, resource, name) with
            {
                Detail = $"WebSocket upgrade refused with HTTP {code}; the refusal's reason is not readable",
            };

            // Which verb RBAC refused is in the body, which the upgrade loses: name every verb exec needs.
            return problem.Kind == ClusterProblemKinds.Forbidden && resource == "pods/exec"
                ? problem with { VerbsNeeded = ExecVerbs }
                : problem;
        }

        return new ClusterProblem(ClusterProblemKinds.Unreachable, verb, resource, name, Clip(ws.Message));
    }

    private static V1Status? StatusOf(HttpOperationException http)
    {
        if (http.Body is V1Status status)
            return status;

        var content = http.Response?.Content;
        if (string.IsNullOrWhiteSpace(content) || !content.TrimStart().StartsWith('{'))
            return null;

        try
        {
            var parsed = KubernetesJson.Deserialize<V1Status>(content);
            return parsed.Kind == "Status" ? parsed : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxDetail ? line : line[..MaxDetail] + " …";
    }

    [GeneratedRegex("cannot (?<verb>[a-z]+) resource \"(?<resource>[^\"]+)\"")]
    private static partial Regex Refused();

    [GeneratedRegex("status code '(?<code>[0-9]{3})'")]
    private static partial Regex UpgradeStatus();
}

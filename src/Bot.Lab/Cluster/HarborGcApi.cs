using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Lab.Cluster;

/// <summary>
/// The part of Harbor's API the bot's GC step reads, served under <see cref="PathBase"/> (a base
/// path, as behind a reverse proxy): <c>GET api/v2.0/system/gc</c>, the history newest first with
/// <c>job_parameters</c> as Harbor's JSON string, and <c>GET api/v2.0/system/gc/{id}/log</c>.
/// Basic auth with the scenario's Harbor account; anything else is 404.
/// </summary>
internal static partial class HarborGcApi
{
    public const string PathBase = "/harbor";

    public static async Task HandleAsync(HttpContext context, ClusterScenario scenario)
    {
        if (!Authorized(context.Request, scenario))
        {
            await WriteAsync(context, 401, "application/json", Errors("UNAUTHORIZED", "unauthorized"));
            return;
        }

        var path = context.Request.Path.Value ?? "";
        if (context.Request.Method == HttpMethods.Get && path == PathBase + "/api/v2.0/system/gc")
        {
            await WriteAsync(context, 200, "application/json", History(scenario));
            return;
        }

        var log = LogPath().Match(path);
        var job = log.Success ? scenario.HarborGc.FirstOrDefault(j => j.Id.ToString(CultureInfo.InvariantCulture)
            == log.Groups["id"].Value) : null;
        if (context.Request.Method == HttpMethods.Get && job?.Log is { } text)
        {
            await WriteAsync(context, 200, "text/plain", text);
            return;
        }

        await WriteAsync(context, 404, "application/json", Errors("NOT_FOUND", "not found"));
    }

    private static bool Authorized(HttpRequest request, ClusterScenario scenario)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || header.Scheme != "Basic" || header.Parameter is null)
            return false;

        var expected = $"{scenario.HarborUsername}:{scenario.HarborPassword}";
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)) == expected;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string History(ClusterScenario scenario)
    {
        var rows = new JsonArray();
        foreach (var job in scenario.HarborGc.OrderByDescending(j => j.StartedAt))
        {
            var parameters = new JsonObject { ["delete_untagged"] = true, ["dry_run"] = job.DryRun, ["workers"] = 1 };
            rows.Add(new JsonObject
            {
                ["id"] = job.Id,
                ["job_name"] = "GARBAGE_COLLECTION",
                ["job_kind"] = "SCHEDULE",
                ["job_parameters"] = parameters.ToJsonString(),
                ["job_status"] = job.Status,
                ["deleted"] = false,
                ["creation_time"] = Time(job.StartedAt),
                ["update_time"] = Time(job.StartedAt.AddMinutes(1)),
            });
        }

        return rows.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static string Errors(string code, string message) =>
        new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
        }.ToJsonString();

    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }

    [GeneratedRegex("^/harbor/api/v2\\.0/system/gc/(?<id>[0-9]+)/log$")]
    private static partial Regex LogPath();
}

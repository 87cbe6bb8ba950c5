using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;

namespace Bot.Lab.Cluster;

/// <summary>
/// Writes a <see cref="V1Status"/> as the API server does. KubernetesClient 21.0.8 reads Status
/// through a converter whose Write is not implemented, so <c>KubernetesJson.Serialize</c> throws
/// for it; this spells the same fields out by hand.
/// </summary>
internal static class StatusJson
{
    public static string Serialize(V1Status status)
    {
        var json = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = status.Status,
        };
        if (status.Message is not null)
            json["message"] = status.Message;
        if (status.Reason is not null)
            json["reason"] = status.Reason;
        if (status.Code is not null)
            json["code"] = status.Code;
        if (status.Details?.Causes is { } causes)
        {
            json["details"] = new JsonObject
            {
                ["causes"] = new JsonArray(
                    [
                        .. causes.Select(
                            c => (JsonNode)new JsonObject { ["reason"] = c.Reason, ["message"] = c.Message }),
                    ]),
            };
        }

        return json.ToJsonString(new JsonSerializerOptions());
    }
}

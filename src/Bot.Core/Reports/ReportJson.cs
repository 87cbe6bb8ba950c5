using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Reports;

/// <summary>The JSON spelling of the report: camelCase fields, indented, no nulls.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(TriageReport report) => JsonSerializer.Serialize(report, Options);
}

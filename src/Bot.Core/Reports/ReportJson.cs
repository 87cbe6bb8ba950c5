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

        // Read by people and scripts, never embedded in HTML: keep quotes and '+' as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(TriageReport report) => JsonSerializer.Serialize(report, Options);
}

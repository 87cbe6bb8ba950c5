using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;

namespace Bot.Lab.Cli;

/// <summary>What <c>run</c> prints about a started session, for people (text) or scripts (JSON).</summary>
public static class LabReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // Read by people and scripts, never embedded in HTML: keep quotes and '+' readable in logs and media types.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Text(LabSession session)
    {
        var usage = session.VolumeUsage;
        var ci = session.CiRun;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Scenario {session.Scenario.Name}: {session.Scenario.Story}");
        var process = session.RegistryProcessId is { } pid ? $"pid {pid}" : "stopped";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Registry  {session.RegistryName} -> {session.RegistryBaseUri} ({process})");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Volume    {session.VolumePath}: {usage.UsedPercent:F1} % of {ByteSize.Format(usage.TotalBytes)} used");
        text.AppendLine(CultureInfo.InvariantCulture, $"Log       {session.RegistryLogPath}");
        foreach (var artifact in session.Pushed)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Pushed    {session.RegistryName}/{artifact.Reference}@{artifact.Digest}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"Induced   {FailureKinds.NameOf(session.Failure.Kind)}: {session.Failure.Summary}");
        var jobs = string.Join(", ", ci.Jobs.Select(j => $"{j.Name} ({j.Conclusion})"));
        text.AppendLine(CultureInfo.InvariantCulture, $"CI run    {ci.Owner}/{ci.Repository} run {ci.RunId}: {jobs}");
        return text.ToString().TrimEnd();
    }

    public static string Json(LabSession session)
    {
        var usage = session.VolumeUsage;
        return JsonSerializer.Serialize(new
        {
            Scenario = session.Scenario.Name,
            session.Scenario.Story,
            Registry = new
            {
                Name = session.RegistryName,
                BaseUri = session.RegistryBaseUri,
                ProcessId = session.RegistryProcessId,
                LogPath = session.RegistryLogPath,
                session.DataDirectory,
                Volume = new
                {
                    Path = session.VolumePath,
                    usage.TotalBytes,
                    usage.UsedBytes,
                    UsedPercent = Math.Round(usage.UsedPercent, 1),
                },
            },
            Pushed = session.Pushed.Select(p => new { p.Reference, p.Digest, p.Document.MediaType }),
            Failure = new
            {
                Kind = FailureKinds.NameOf(session.Failure.Kind),
                session.Failure.Summary,
                session.Failure.Repository,
                BrokenDigest = session.Failure.BrokenBlob?.Digest,
            },
            Ci = session.CiRun,
            BotConfiguration = session.BotConfiguration(),
        }, JsonOptions);
    }
}

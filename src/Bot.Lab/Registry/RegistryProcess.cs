using System.Diagnostics;
using System.Globalization;
using Bot.Lab.Hosting;

namespace Bot.Lab.Registry;

/// <summary>
/// Debian's <c>docker-registry</c> (distribution 2.8) running for real on a free 127.0.0.1 port.
/// Stopped by its own PID; restarting keeps the port and the data, and clears the in-memory cache.
/// </summary>
public sealed class RegistryProcess : IAsyncDisposable
{
    public const string DefaultBinary = "/usr/bin/docker-registry";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private Process? _process;

    private RegistryProcess(RegistrySettings settings, int port)
    {
        Settings = settings;
        Port = port;
    }

    public RegistrySettings Settings { get; private set; }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public string ConfigPath => Path.Combine(Settings.WorkDirectory, "config.yml");

    /// <summary>The registry's own output (logrus text), appended across restarts.</summary>
    public string LogPath => Path.Combine(Settings.WorkDirectory, "registry.log");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running registry's PID; null while stopped.</summary>
    public int? ProcessId => _process?.Id;

    public static async Task<RegistryProcess> StartAsync(RegistrySettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Binary))
        {
            throw new LabPrerequisiteException(
                $"{settings.Binary} is missing. The lab runs Debian's registry: apt-get install -y docker-registry");
        }

        Directory.CreateDirectory(settings.WorkDirectory);
        Directory.CreateDirectory(settings.DataDirectory);
        var registry = new RegistryProcess(settings, FreePort.Next());
        await registry.LaunchAsync(cancellationToken);
        return registry;
    }

    /// <summary>Stops and starts again, optionally with new settings (read-only mode, no cache).</summary>
    public async Task RestartAsync(RegistrySettings? settings, CancellationToken cancellationToken)
    {
        await StopAsync();
        Settings = settings ?? Settings;
        await LaunchAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_process is null)
            return;

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Runs <c>docker-registry garbage-collect</c> on this registry's config and returns its output.</summary>
    public async Task<(int ExitCode, string Output)> GarbageCollectAsync(
        bool dryRun, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Settings.Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("garbage-collect");
        if (dryRun)
            start.ArgumentList.Add("--dry-run");
        start.ArgumentList.Add("--delete-untagged");
        start.ArgumentList.Add(ConfigPath);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(ConfigPath, RenderConfig(), cancellationToken);

        var start = new ProcessStartInfo(Settings.Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(ConfigPath);
        _process = Process.Start(start) ?? throw new LabPrerequisiteException($"Could not start {Settings.Binary}.");

        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Append(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        _process.Exited += (_, _) => log.Dispose();
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilServingAsync(cancellationToken);
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
            return;

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process exited between the line and the write; the line is lost with it.
            }
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
                break;

            try
            {
                using var response = await http.GetAsync("v2/", cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        await StopAsync();
        throw new LabPrerequisiteException($"docker-registry did not start on port {Port}; its log is {LogPath}.");
    }

    private string RenderConfig()
    {
        var cache = Settings.BlobDescriptorCache ? "  cache:\n    blobdescriptor: inmemory\n" : "";
        var readOnly = Settings.ReadOnly ? "  maintenance:\n    readonly:\n      enabled: true\n" : "";
        var auth = Settings.AuthYaml is null ? "" : "auth:\n" + Settings.AuthYaml.TrimEnd() + "\n";
        return string.Create(CultureInfo.InvariantCulture, $"""
            version: 0.1
            log:
              level: info
              formatter: text
              fields:
                service: registry
            storage:
              filesystem:
                rootdirectory: {Settings.DataDirectory}
              delete:
                enabled: true
            {cache}{readOnly}http:
              addr: 127.0.0.1:{Port}
              headers:
                X-Content-Type-Options: [nosniff]
            {auth}
            """);
    }
}

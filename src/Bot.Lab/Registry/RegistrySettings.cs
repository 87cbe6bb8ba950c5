namespace Bot.Lab.Registry;

/// <summary>How to run one lab registry.</summary>
public sealed record RegistrySettings
{
    /// <summary>The storage root (<c>rootdirectory</c>); on a tmpfs when the scenario wants a full disk.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The <c>docker-registry</c> binary to run.</summary>
    public string Binary { get; init; } = RegistryProcess.DefaultBinary;

    /// <summary>Where the config and the registry's own log go.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>
    /// The in-memory blob-descriptor cache, on by default as in Harbor (which uses Redis). With it,
    /// HEAD keeps answering 200 for a blob whose data is gone, until a restart.
    /// </summary>
    public bool BlobDescriptorCache { get; init; } = true;

    /// <summary>Maintenance read-only mode: writes get 405, as during a safe garbage collection.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Extra YAML placed under <c>auth:</c> (for token or htpasswd auth); null for none.</summary>
    public string? AuthYaml { get; init; }
}

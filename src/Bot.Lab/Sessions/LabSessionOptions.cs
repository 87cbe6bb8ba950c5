using Bot.Lab.Registry;

namespace Bot.Lab.Sessions;

/// <summary>Where a lab session puts its files.</summary>
public sealed record LabSessionOptions
{
    /// <summary>Each session gets its own directory here, removed when the session ends.</summary>
    public string RootDirectory { get; init; } = "/tmp/triage-lab";

    /// <summary>Debian's registry binary; the lab only runs it, never installs it.</summary>
    public string RegistryBinary { get; init; } = RegistryProcess.DefaultBinary;

    /// <summary>
    /// The program (and leading arguments) that mounts the volume's tmpfs, e.g. <c>sudo mount</c>
    /// for a lab not run as root.
    /// </summary>
    public IReadOnlyList<string> MountCommand { get; init; } = Tmpfs.DefaultMountCommand;

    /// <summary>The program (and leading arguments) that unmounts it again.</summary>
    public IReadOnlyList<string> UnmountCommand { get; init; } = Tmpfs.DefaultUnmountCommand;

    /// <summary>The clock behind GC pods' relative start times (<c>2d ago</c>) and the cluster's pod ages.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

namespace Bot.Registry.Endpoints;

/// <summary>
/// One registry the bot may talk to. <see cref="Name"/> is how CI logs and people name it
/// (<c>registry.internal:5000</c>); <see cref="BaseUri"/> is where the bot actually reaches it,
/// which differs behind internal DNS, a mirror, or in the lab.
/// </summary>
public sealed record RegistryEndpoint
{
    public required string Name { get; init; }

    public required Uri BaseUri { get; init; }

    /// <summary>For basic auth, or for the token service when the registry challenges with Bearer.</summary>
    public string? Username { get; init; }

    /// <summary>Never logged, never put in evidence.</summary>
    public string? Password { get; init; }

    public override string ToString() => $"{Name} ({BaseUri})";
}

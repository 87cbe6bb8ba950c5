using Microsoft.Extensions.Options;

namespace Bot.Registry.Endpoints;

/// <summary>
/// Maps the registry name a CI log or a person gave to a configured endpoint. Names come from
/// untrusted text, so anything not on the allowlist resolves to nothing.
/// </summary>
public sealed class RegistryEndpointResolver(IOptions<RegistryOptions> options)
{
    public RegistryEndpoint? Resolve(string registryName) =>
        options.Value.Registries.FirstOrDefault(
            e => string.Equals(e.Name, registryName, StringComparison.OrdinalIgnoreCase));
}

using Bot.Core.Triage;

namespace Bot.Registry.Endpoints;

/// <summary>The triage core's allowlist of registries: exactly the configured endpoints.</summary>
public sealed class ConfiguredRegistries(RegistryEndpointResolver resolver) : IRegistryAllowlist
{
    public bool Allows(string registry) => resolver.Resolve(registry) is not null;
}

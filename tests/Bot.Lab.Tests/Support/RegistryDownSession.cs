namespace Bot.Lab.Tests.Support;

/// <summary>The session of scenarios/registry-down.yaml.</summary>
public sealed class RegistryDownSession() : SessionFixture("registry-down.yaml");

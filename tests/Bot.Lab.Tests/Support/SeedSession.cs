namespace Bot.Lab.Tests.Support;

/// <summary>The session of scenarios/seed.yaml.</summary>
public sealed class SeedSession() : SessionFixture("seed.yaml");

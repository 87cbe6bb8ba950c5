namespace Bot.Lab.Tests.Support;

/// <summary>The session of scenarios/intact-cache.yaml.</summary>
public sealed class IntactCacheSession() : SessionFixture("intact-cache.yaml");

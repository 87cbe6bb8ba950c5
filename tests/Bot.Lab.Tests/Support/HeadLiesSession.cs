namespace Bot.Lab.Tests.Support;

/// <summary>The session of scenarios/head-lies.yaml.</summary>
public sealed class HeadLiesSession() : SessionFixture("head-lies.yaml");

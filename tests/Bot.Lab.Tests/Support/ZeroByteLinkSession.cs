namespace Bot.Lab.Tests.Support;

/// <summary>The session of scenarios/zero-byte-link.yaml.</summary>
public sealed class ZeroByteLinkSession() : SessionFixture("zero-byte-link.yaml");

namespace Bot.Lab.Tests.Support;

/// <summary>The session of scenarios/zero-byte-manifest.yaml.</summary>
public sealed class ZeroByteManifestSession() : SessionFixture("zero-byte-manifest.yaml");

namespace Bot.Lab.Tests.Support;

/// <summary>The session of scenarios/blob-missing-after-restart.yaml.</summary>
public sealed class BlobMissingAfterRestartSession() : SessionFixture("blob-missing-after-restart.yaml");

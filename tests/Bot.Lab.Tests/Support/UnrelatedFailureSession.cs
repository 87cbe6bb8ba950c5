namespace Bot.Lab.Tests.Support;

/// <summary>The session of scenarios/unrelated-failure.yaml.</summary>
public sealed class UnrelatedFailureSession() : SessionFixture("unrelated-failure.yaml");

namespace Bot.Lab.Scenarios;

/// <summary>An RBAC refusal the simulated API plays: <c>{verb: create, resource: pods/exec}</c>.</summary>
public sealed record ForbiddenSpec(string Verb, string Resource);

namespace Bot.Lab.Cluster;

/// <summary>An RBAC refusal to play: the verb on the resource (with subresource, e.g. <c>pods/exec</c>).</summary>
public sealed record ForbiddenRule
{
    public required string Verb { get; init; }

    public required string Resource { get; init; }
}

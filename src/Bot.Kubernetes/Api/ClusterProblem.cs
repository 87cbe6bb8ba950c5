namespace Bot.Kubernetes.Api;

/// <summary>
/// Why a cluster call failed, named so a finding can say what is missing: the verb and resource
/// RBAC refused, the object that is not there, or the API that did not answer.
/// </summary>
/// <param name="Kind">One of <see cref="ClusterProblemKinds"/>.</param>
/// <param name="Verb">The verb that was refused or attempted (<c>get</c>, <c>list</c>, <c>create</c>).</param>
/// <param name="Resource">The resource, with subresource (<c>pods/exec</c>).</param>
/// <param name="Name">The object's name, when the call was for one.</param>
/// <param name="Detail">One short line from the API or the client, never a whole body.</param>
public sealed record ClusterProblem(string Kind, string Verb, string Resource, string? Name, string Detail)
{
    /// <summary>
    /// Every verb the call can need, when the API did not say which one RBAC refused (a refused
    /// exec upgrade has no readable body); empty when <see cref="Verb"/> is the refused one.
    /// </summary>
    public IReadOnlyList<string> VerbsNeeded { get; init; } = [];
}

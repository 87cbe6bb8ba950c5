namespace Bot.GitHub.Logs;

/// <summary>What a job log says went wrong.</summary>
/// <param name="ErrorClass">One of <see cref="CiErrorClasses"/>.</param>
/// <param name="IsFatal">Whether the classified failure is what failed the job.</param>
/// <param name="InvolvesRegistry">Whether the failure involves the registry; null when the log does not say.</param>
/// <param name="Ref">
/// The failing cache or image ref as the log wrote it; it lacks a tag when only a blob URL named it.
/// </param>
/// <param name="Digest">A <c>sha256:</c> digest on the failing line, if any.</param>
/// <param name="Vertex">
/// The failing BuildKit vertex: <c>exporting cache</c>, <c>exporting to image</c>, or a build step.
/// </param>
/// <param name="MatchedLines">The failing line(s), timestamp stripped, each cut short.</param>
/// <param name="LinesRead">How many lines the classifier read.</param>
public sealed record CiLogClassification(
    string ErrorClass,
    bool IsFatal,
    bool? InvolvesRegistry,
    string? Ref,
    string? Digest,
    string? Vertex,
    IReadOnlyList<string> MatchedLines,
    long LinesRead);

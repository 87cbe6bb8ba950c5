namespace Bot.GitHub.Logs;

/// <summary>One line that points at a class: the first few lines of each class are kept, nothing else.</summary>
internal sealed record LogSignal(string ErrorClass, string? Ref, string? Digest, int? VertexNumber)
{
    public const int MaxLines = 3;

    public List<string> Lines { get; } = [];
}

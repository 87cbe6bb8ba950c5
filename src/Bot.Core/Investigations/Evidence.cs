namespace Bot.Core.Investigations;

/// <summary>
/// One piece of evidence: the request a step made and the salient part of the answer.
/// Neither side ever carries credentials or whole payloads.
/// </summary>
public sealed record Evidence(string Request, string Answer)
{
    /// <summary>Evidence is shown in chat and stored; past this it is cut with a marker.</summary>
    public const int MaxAnswerLength = 2000;

    public static Evidence Of(string request, string answer) => new(request, Clip(answer));

    private static string Clip(string answer) =>
        answer.Length <= MaxAnswerLength ? answer : string.Concat(answer.AsSpan(0, MaxAnswerLength), " …(cut)");
}

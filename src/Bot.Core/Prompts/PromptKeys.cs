using Bot.Core.Diagnosis;
using Bot.Core.Investigations;

namespace Bot.Core.Prompts;

/// <summary>How code names a prompt: the path of its template under <c>prompts/</c>, without <c>.liquid</c>.</summary>
public static class PromptKeys
{
    public static string Finding(string code) => $"findings/{code}";

    public static string Step(StepName step) => $"steps/{KebabCase.Of(step)}";

    public static string Status(StepStatus status) => $"statuses/{KebabCase.Of(status)}";

    public static string RootCause(RootCauseCode code) => $"root-causes/{KebabCase.Of(code)}";

    public static string Fix(FixKind kind) => $"fixes/{KebabCase.Of(kind)}";

    public static string Precondition(string code) => $"preconditions/{code}";

    public static string Warning(string code) => $"warnings/{code}";

    public static string ChainLink(string code) => $"chain/{code}";

    public static string Rejection(string code) => $"rejections/{code}";

    /// <summary>Refusals the core itself gives; the CI adapter adds the run-link ones.</summary>
    public static IReadOnlyCollection<string> CoreRejections { get; } =
        ["empty", "too-long", "not-a-link-or-reference", "registry-not-allowed", "busy"];

    /// <summary>The keys the core itself needs; adapters add theirs (finding codes, chat lines).</summary>
    public static IEnumerable<string> Core() =>
        Enum.GetValues<StepName>().Select(Step)
            .Concat(Enum.GetValues<StepStatus>().Select(Status))
            .Concat(Enum.GetValues<RootCauseCode>().Select(RootCause))
            .Concat(Enum.GetValues<FixKind>().Select(Fix))
            .Concat(Diagnoser.PreconditionCodes.Select(Precondition))
            .Concat(Diagnoser.WarningCodes.Select(Warning))
            .Concat(Diagnoser.ChainLinkCodes.Select(ChainLink))
            .Concat(CoreFindings.All.Select(Finding))
            .Concat(CoreRejections.Select(Rejection));
}

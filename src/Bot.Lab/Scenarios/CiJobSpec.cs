using Fluid;

namespace Bot.Lab.Scenarios;

/// <summary>
/// One job of the CI run. Its log is a Liquid template in GitHub's timestamped format, rendered
/// after the pushes and the failure, so digests in the log are the registry's real ones.
/// </summary>
/// <param name="Id">The job id GitHub would give it.</param>
/// <param name="Conclusion">GitHub's conclusion: success, failure, cancelled, …</param>
/// <param name="LogTemplate">The parsed template.</param>
/// <param name="Line">Line of the <c>log</c> key in the scenario file, for render errors.</param>
public sealed record CiJobSpec(long Id, string Name, string Conclusion, IFluidTemplate LogTemplate, int Line);

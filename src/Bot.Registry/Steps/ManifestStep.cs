using System.Globalization;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Registry.Endpoints;
using Bot.Registry.Manifests;
using Microsoft.Extensions.Logging;

namespace Bot.Registry.Steps;

/// <summary>
/// Inspects the cache manifest the investigation suspects: finds its digest, its shape and the
/// blobs it references, or says exactly how the registry's answer went wrong.
/// </summary>
public sealed class ManifestStep(
    RegistryEndpointResolver endpoints, ManifestReader reader, ILogger<ManifestStep> logger) : IInvestigationStep
{
    public StepName Name => StepName.Manifest;

    public IReadOnlyCollection<string> FindingCodes => ManifestFindings.All;

    public async Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken)
    {
        if (clues.ImageRef is null)
            return StepResult.Skipped(Finding.Of(ManifestFindings.NoRef), clues);

        if (!ImageReference.TryParse(clues.ImageRef, out var reference))
            return StepResult.CouldNotCheck(Finding.Of(ManifestFindings.BadRef, ("ref", Clip(clues.ImageRef))), clues);

        var endpoint = endpoints.Resolve(reference.Registry);
        if (endpoint is null)
        {
            RegistryLog.NotAllowlisted(logger, reference.Registry);
            var refused = clues with { RegistryProblem = RegistryProblems.NotAllowlisted };
            var finding = Finding.Of(
                ManifestFindings.For(RegistryProblems.NotAllowlisted),
                ("ref", reference.ToString()),
                ("registry", reference.Registry));
            return StepResult.CouldNotCheck(finding, refused);
        }

        var inspection = await reader.InspectAsync(endpoint, reference, cancellationToken);
        var evidence = Evidence.Of(inspection.Request, inspection.Answer);
        if (inspection.Manifest is { } manifest)
        {
            var found = clues with
            {
                ManifestDigest = manifest.Digest,
                ManifestKind = manifest.Kind,
                Blobs = manifest.Blobs,
                RegistryProblem = null,
            };
            var finding = Finding.Of(
                ManifestFindings.Found,
                ("ref", reference.ToString()),
                ("digest", manifest.Digest),
                ("kind", manifest.Kind),
                ("mediaType", manifest.MediaType),
                ("blobCount", manifest.Blobs.Count.ToString(CultureInfo.InvariantCulture)));
            return StepResult.Fine(finding, found, evidence);
        }

        var failure = inspection.Failure!;
        var failed = clues with
        {
            RegistryProblem = failure.Problem,
            ManifestDigest = reference.Digest ?? clues.ManifestDigest,
        };
        var problem = Finding.Of(
            ManifestFindings.For(failure.Problem),
            ("ref", reference.ToString()),
            ("registry", reference.Registry),
            ("answer", failure.Answer),
            ("retryAfterSeconds", failure.RetryAfter is { } wait
                ? ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                : null));

        return ManifestFindings.ProblemsWithTheManifest.Contains(failure.Problem)
            ? StepResult.Problem(problem, failed, evidence)
            : StepResult.CouldNotCheck(problem, failed, evidence);
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

using System.Globalization;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Registry.Blobs;
using Bot.Registry.Endpoints;
using Bot.Registry.Http;

namespace Bot.Registry.Steps;

/// <summary>
/// Reads every blob the manifest references and names the broken ones. Evidence stays short:
/// the broken blobs one by one (up to a limit) and a count of the rest.
/// </summary>
public sealed class BlobStep(RegistryEndpointResolver endpoints, BlobChecker checker) : IInvestigationStep
{
    /// <summary>Past this many broken blobs, evidence gives a count instead of a line each.</summary>
    public const int MaxBlobEvidence = 10;

    public StepName Name => StepName.Blobs;

    public IReadOnlyCollection<string> FindingCodes => BlobFindings.All;

    public async Task<StepResult> RunAsync(Clues clues, CancellationToken cancellationToken)
    {
        if (clues.Blobs.Count == 0 || !ImageReference.TryParse(clues.ImageRef, out var reference))
            return StepResult.Skipped(Finding.Of(BlobFindings.None), clues);

        var endpoint = endpoints.Resolve(reference.Registry);
        if (endpoint is null)
        {
            var refused = clues with { RegistryProblem = RegistryProblems.NotAllowlisted };
            return StepResult.CouldNotCheck(
                Finding.Of(BlobFindings.For(RegistryProblems.NotAllowlisted), ("registry", reference.Registry)),
                refused);
        }

        var report = await checker.CheckAsync(endpoint, reference.Repository, clues.Blobs, cancellationToken);
        var evidence = EvidenceOf(endpoint, reference.Repository, report);
        var broken = report.Broken;
        var counts = ("blobCount", Count(report.Requested));
        var present = ("presentCount", Count(report.PresentCount));

        if (broken.Count > 0)
        {
            var first = broken[0];
            var finding = Finding.Of(
                BlobFindings.Broken,
                ("ref", reference.ToString()),
                counts,
                present,
                ("brokenCount", Count(broken.Count)),
                ("conditions", Summary(broken)),
                ("firstDigest", first.Blob.Digest),
                ("firstCondition", first.Condition),
                ("firstRole", first.Blob.Role),
                ("firstAnswer", first.Answer));
            var withBroken = clues with { BrokenBlobs = [.. broken.Select(b => b.ToBrokenBlob())] };
            return StepResult.Problem(finding, withBroken, evidence);
        }

        if (report.Failure is { } failure)
        {
            var problem = BlobFindings.Problems.Contains(failure.Problem)
                ? failure.Problem
                : RegistryProblems.ServerError;
            var finding = Finding.Of(
                BlobFindings.For(problem),
                ("ref", reference.ToString()),
                ("registry", reference.Registry),
                counts,
                present,
                ("answer", failure.Answer));
            return StepResult.CouldNotCheck(finding, clues with { RegistryProblem = failure.Problem }, evidence);
        }

        var fine = Finding.Of(BlobFindings.AllPresent, ("ref", reference.ToString()), counts);
        return StepResult.Fine(fine, clues, evidence);
    }

    private static Evidence[] EvidenceOf(RegistryEndpoint endpoint, string repository, BlobCheckReport report)
    {
        var evidence = new List<Evidence>();
        var broken = report.Broken;
        evidence.AddRange(broken.Take(MaxBlobEvidence)
            .Select(b => Evidence.Of(b.Request, $"{b.Answer}: {b.Condition} ({b.Blob.Role})")));

        if (report.Failure is { } failure)
            evidence.Add(Evidence.Of(report.FailedRequest ?? "", failure.Answer));

        var more = broken.Count > MaxBlobEvidence ? $", {broken.Count - MaxBlobEvidence} more broken not listed" : "";
        var notChecked = report.Requested - report.Outcomes.Count;
        var summary = $"{report.PresentCount} present, {broken.Count} broken" +
                      (broken.Count > 0 ? $" ({Summary(broken)})" : "") +
                      (notChecked > 0 ? $", {notChecked} not checked" : "") + more;
        var blobs = RegistryHttp.Show(RegistryHttp.UriFor(endpoint, $"v2/{repository}/blobs/"));
        evidence.Add(Evidence.Of($"GET {blobs}<digest> for {report.Requested} blobs", summary));
        return [.. evidence];
    }

    private static string Summary(IReadOnlyList<BlobOutcome> broken) =>
        string.Join(", ", broken
            .GroupBy(b => b.Condition)
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()} {g.Key}"));

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

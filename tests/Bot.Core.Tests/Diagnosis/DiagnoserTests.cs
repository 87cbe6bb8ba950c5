using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Bot.Core.Targets;
using Bot.Core.Tests.Support;

namespace Bot.Core.Tests.Diagnosis;

public class DiagnoserTests
{
    private const string Digest = "sha256:a8f2b7c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3";

    [Fact]
    public void Diagnose_BrokenBlob_NamesTheCacheAndOffersDeleteAndRerun()
    {
        var clues = new Clues
        {
            ImageRef = "registry.internal:5000/app:cache",
            ManifestDigest = Digest,
            RunLink = new RunLink(new Uri("https://github.com/acme/app/actions/runs/1"), "acme", "app", 1, null),
            BrokenBlobs = [new BrokenBlob(Digest, "missing", "layer", 4821, null)],
        };

        var conclusion = Diagnoser.Diagnose(Walked(clues, StepStatus.Fine, StepStatus.ProblemFound));

        Assert.Equal(RootCauseCode.CacheBlobMissingOrEmpty, conclusion.RootCause.Code);
        Assert.Equal("missing", conclusion.RootCause.Facts["condition"]);
        Assert.Equal([FixKind.DeleteCacheManifest, FixKind.RerunCi], conclusion.Fixes.Select(f => f.Kind));
        Assert.Equal(Digest, conclusion.Fixes[0].Facts["digest"]);
    }

    [Theory]
    [InlineData(RegistryProblems.Unreachable, RootCauseCode.RegistryUnreachable)]
    [InlineData(RegistryProblems.TimedOut, RootCauseCode.RegistryUnreachable)]
    [InlineData(RegistryProblems.Unauthorized, RootCauseCode.RegistryAuthFailed)]
    [InlineData(RegistryProblems.Denied, RootCauseCode.RegistryAuthFailed)]
    [InlineData(RegistryProblems.TooManyRequests, RootCauseCode.RegistryRateLimited)]
    [InlineData(RegistryProblems.ManifestCorrupt, RootCauseCode.CacheManifestCorrupt)]
    [InlineData(RegistryProblems.ManifestUnknown, RootCauseCode.CacheManifestMissing)]
    [InlineData(RegistryProblems.Garbage, RootCauseCode.RegistryAnsweredGarbage)]
    [InlineData(RegistryProblems.DigestMismatch, RootCauseCode.RegistryAnsweredGarbage)]
    public void Diagnose_RegistryProblem_MapsToItsCause(string problem, RootCauseCode expected)
    {
        var clues = new Clues { ImageRef = "registry.internal:5000/app:cache", RegistryProblem = problem };

        var conclusion = Diagnoser.Diagnose(Walked(clues, StepStatus.CouldNotCheck, StepStatus.Skipped));

        Assert.Equal(expected, conclusion.RootCause.Code);
    }

    [Fact]
    public void Diagnose_RegistryUnreachable_OffersNoFix()
    {
        var clues = new Clues
        {
            ImageRef = "registry.internal:5000/app:cache",
            RegistryProblem = RegistryProblems.Unreachable,
        };

        var conclusion = Diagnoser.Diagnose(Walked(clues, StepStatus.CouldNotCheck, StepStatus.Skipped));

        Assert.Empty(conclusion.Fixes);
    }

    [Fact]
    public void Diagnose_CompileErrorAndIntactCache_SaysTheEvidencePointsElsewhere()
    {
        var clues = new Clues
        {
            ImageRef = "registry.internal:5000/app:cache",
            CiFailureInvolvesRegistry = false,
            CiErrorClass = "unrelated",
        };

        var conclusion = Diagnoser.Diagnose(Walked(clues, StepStatus.Fine, StepStatus.Fine));

        Assert.Equal(RootCauseCode.UnrelatedToRegistry, conclusion.RootCause.Code);
        Assert.Empty(conclusion.Fixes);
    }

    [Fact]
    public void Diagnose_GreenRun_SaysThereIsNothingToTriage()
    {
        var link = new RunLink(new Uri("https://github.com/acme/app/actions/runs/7"), "acme", "app", 7, null);
        var clues = new Clues { RunLink = link, CiRunFailed = false };

        var conclusion = Diagnoser.Diagnose(Walked(clues, StepStatus.Skipped, StepStatus.Skipped));

        Assert.Equal(RootCauseCode.RunDidNotFail, conclusion.RootCause.Code);
        Assert.Equal(link.Url.ToString(), conclusion.RootCause.Facts["run"]);
        Assert.Empty(conclusion.Fixes);
    }

    [Fact]
    public void Diagnose_GreenRunButAReferenceGivenAndBroken_StillNamesTheBrokenCache()
    {
        var clues = new Clues
        {
            CiRunFailed = false,
            ImageRef = "registry.internal:5000/app:cache",
            RegistryProblem = RegistryProblems.ManifestCorrupt,
        };

        var conclusion = Diagnoser.Diagnose(Walked(clues, StepStatus.ProblemFound, StepStatus.Skipped));

        Assert.Equal(RootCauseCode.CacheManifestCorrupt, conclusion.RootCause.Code);
    }

    [Fact]
    public void Diagnose_EverythingReadsBack_NothingWrongFound()
    {
        var clues = new Clues { ImageRef = "registry.internal:5000/app:cache" };

        var conclusion = Diagnoser.Diagnose(Walked(clues, StepStatus.Fine, StepStatus.Fine));

        Assert.Equal(RootCauseCode.NothingWrongFound, conclusion.RootCause.Code);
        Assert.Empty(conclusion.Fixes);
    }

    [Fact]
    public void Diagnose_BrokenCacheWithoutDigest_OffersNoDelete()
    {
        var clues = new Clues
        {
            ImageRef = "registry.internal:5000/app:cache",
            BrokenBlobs = [new BrokenBlob(Digest, "empty", "layer", 10, 0)],
        };

        var conclusion = Diagnoser.Diagnose(Walked(clues, StepStatus.Fine, StepStatus.ProblemFound));

        Assert.DoesNotContain(conclusion.Fixes, f => f.Kind == FixKind.DeleteCacheManifest);
    }

    private static Investigation Walked(Clues clues, StepStatus manifest, StepStatus blobs)
    {
        var now = DateTimeOffset.UnixEpoch;
        var investigation = Investigation.Open("inv-1", Runners.CacheRef(), now);
        investigation.Begin(now);

        var statuses = new[] { StepStatus.Skipped, manifest, blobs, StepStatus.Skipped, StepStatus.Skipped };
        foreach (var (step, status) in Enum.GetValues<StepName>().Zip(statuses))
            investigation.Record(new StepRecord(step, status, Finding.Of("x"), [], TimeSpan.Zero, now), clues);

        return investigation;
    }
}

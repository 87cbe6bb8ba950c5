using Bot.GitHub.Logs;
using Bot.GitHub.Tests.Support;

namespace Bot.GitHub.Tests.Logs;

public sealed class HugeLogTests
{
    private const long TwoHundredMegabytes = 200L * 1024 * 1024;

    // Holding the log as one string would take twice its size in UTF-16; half its size is
    // already far above what a line-by-line reader needs, yet far below what holding it costs.
    private const long MemoryCeiling = TwoHundredMegabytes / 2;

    private readonly CiLogClassifier _classifier = new();

    [Fact]
    public void Classify_200MegabytesOfNoiseThenTheFailure_FindsItInBoundedMemory()
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var failure = "2024-01-01T00:00:00.0000000Z ERROR: failed to compute cache key: blob not found\n";
        var log = new NoiseLogStream(TwoHundredMegabytes, failure);

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.ErrorClass);
        Assert.True(result.LinesRead > 1_000_000, $"read only {result.LinesRead} lines");
        Assert.True(log.PeakManagedBytes - baseline < MemoryCeiling, Growth(log, baseline));
    }

    [Fact]
    public void Classify_FiftyMegabyteLineWithoutNewlines_IsCutAndTheNextLineStillRead()
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var log = new NoiseLogStream(50L * 1024 * 1024, "\n#3 ERROR: blob not found\n", withNewlines: false);

        var result = _classifier.Classify(log);

        Assert.Equal(CiErrorClasses.CacheBlobNotFound, result.ErrorClass);
        Assert.Equal(2, result.LinesRead);
        Assert.True(log.PeakManagedBytes - baseline < 25L * 1024 * 1024, Growth(log, baseline));
    }

    private static string Growth(NoiseLogStream log, long baseline) =>
        $"heap grew by {(log.PeakManagedBytes - baseline) / 1024 / 1024} MB";
}

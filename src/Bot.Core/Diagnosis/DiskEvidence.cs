using System.Globalization;
using Bot.Core.Investigations;

namespace Bot.Core.Diagnosis;

/// <summary>
/// What the volume and GC steps say about the disk, read once so every rule weighs it the same way.
/// A volume that was not checked is unknown, never healthy.
/// </summary>
internal sealed class DiskEvidence
{
    /// <summary>DOMAIN §6.3: flag use at or above 90 % unless the volume step says otherwise.</summary>
    private const int DefaultThresholdPercent = 90;

    private readonly Clues _clues;

    private DiskEvidence(Clues clues)
    {
        _clues = clues;
        NoSpaceErrors = [.. clues.RegistryWriteErrors.Where(e => e.Kind == RegistryWriteErrorKinds.NoSpace)];
    }

    public IReadOnlyList<RegistryWriteError> NoSpaceErrors { get; }

    public bool VolumeChecked => _clues.VolumeUsePercent is not null;

    public bool Full => _clues.VolumeUsePercent >= (_clues.VolumeFullThresholdPercent ?? DefaultThresholdPercent);

    /// <summary>The registry logged running out of space, or the volume is full now: either tears a write.</summary>
    public bool RanOutOfSpace => Full || NoSpaceErrors.Count > 0;

    /// <summary>Checked, has room, and no failed write in the log window: the disk is not the story.</summary>
    public bool Healthy => VolumeChecked && !Full && NoSpaceErrors.Count == 0;

    public bool GcFailing => GcOutcomes.IsFailure(_clues.GcOutcome);

    public static DiskEvidence From(Clues clues) => new(clues);

    /// <summary>Whether a logged no-space write names one of the broken blobs: the strongest link there is.</summary>
    public bool NoSpaceNamesBrokenBlob() =>
        NoSpaceErrors.Any(e => e.Digest is not null && _clues.BrokenBlobs.Any(b => b.Digest == e.Digest));

    public void AddFacts(Dictionary<string, string> facts)
    {
        Add(facts, "volumeUsePercent", _clues.VolumeUsePercent?.ToString(CultureInfo.InvariantCulture));
        var threshold = _clues.VolumeFullThresholdPercent ?? DefaultThresholdPercent;
        Add(facts, "thresholdPercent", threshold.ToString(CultureInfo.InvariantCulture));
        Add(facts, "pvc", _clues.PvcName);
        Add(facts, "noSpaceCount", NoSpaceErrors.Count.ToString(CultureInfo.InvariantCulture));
        Add(facts, "firstNoSpaceAt", Time(NoSpaceErrors.FirstOrDefault(e => e.At is not null)?.At));
        Add(facts, "lastNoSpaceAt", Time(NoSpaceErrors.LastOrDefault(e => e.At is not null)?.At));
        Add(facts, "gcOutcome", _clues.GcOutcome);
        Add(facts, "gcDetail", _clues.GcFailureDetail);
        Add(facts, "gcLastSuccessAt", Time(_clues.GcLastSuccessAt));
        Add(facts, "gcLastRunAt", Time(_clues.GcLastRunAt));
        if (NoSpaceNamesBrokenBlob())
            facts["noSpaceNamesBrokenBlob"] = "true";
    }

    public static string? Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, string> facts, string key, string? value)
    {
        if (value is not null)
            facts[key] = value;
    }
}

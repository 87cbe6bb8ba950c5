namespace Bot.Core.Investigations;

/// <summary>Where an investigation is in its walk. Each checking state runs exactly one step.</summary>
public enum InvestigationState
{
    Queued,
    ReadingCiLog,
    InspectingManifest,
    CheckingBlobs,
    CheckingVolume,
    CheckingGc,
    Diagnosing,
    Concluded,
}

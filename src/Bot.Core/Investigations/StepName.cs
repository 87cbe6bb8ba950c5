namespace Bot.Core.Investigations;

/// <summary>The steps of the walk, in the order they run.</summary>
public enum StepName
{
    CiLog,
    Manifest,
    Blobs,
    Volume,
    Gc,
}

using Bot.Lab.Content;
using Bot.Lab.Registry;
using Bot.Lab.Scenarios;
using Bot.Lab.Sessions;

namespace Bot.Lab.Failures;

/// <summary>Everything an inducer may touch: the running registry, its volume and the pushed cache.</summary>
internal sealed record InductionContext(
    Scenario Scenario,
    RegistryProcess Registry,
    HttpClient Http,
    ScenarioPusher Pusher,
    StorageLayout Layout,
    string MountPoint,
    PushedArtifact? TargetCache,
    ILogger Logger)
{
    public PushedArtifact Cache =>
        TargetCache ?? throw new InvalidOperationException(
            $"{Scenario.Failure.Kind} needs a target cache; the parser ensures one.");

    /// <summary>The layer the failure aims at: the one the scenario names, else the last (the newest).</summary>
    public int LayerIndex => Scenario.Failure.Layer ?? (Cache.Document.Layers.Count - 1);

    public BlobRef Layer => Cache.Document.Layers[LayerIndex];

    public CacheSpec CacheSpec => Scenario.TargetCache!;
}

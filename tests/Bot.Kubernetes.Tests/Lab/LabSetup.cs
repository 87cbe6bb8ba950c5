using Bot.Lab.Cluster;

namespace Bot.Kubernetes.Tests.Lab;

/// <summary>
/// What a scenario's setup gets: the mounted storage to fill, a work folder, and a place to hand over
/// what it starts.
/// </summary>
internal sealed class LabSetup(string root, string storage, List<IAsyncDisposable> owned)
{
    public string Root { get; } = root;

    public string Storage { get; } = storage;

    public StorageLayout Layout { get; } = new(storage);

    public ClusterScenario Scenario => new() { StorageDirectory = Storage };

    public string WorkDirectory => Path.Combine(Root, "work");

    public T Own<T>(T item) where T : IAsyncDisposable
    {
        owned.Add(item);
        return item;
    }
}

using Bot.Core.Tests.Support;
using Bot.Core.Triage;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests.Triage;

/// <summary>
/// The launcher takes a place in the queue before it opens an investigation, so a request refused
/// as busy leaves nothing behind for the next start to resume.
/// </summary>
public class TriageLauncherTests
{
    private const string Ref = "registry.internal:5000/app:cache";
    private readonly MemoryStore _store = new();
    private readonly TriageQueue _queue = new();
    private readonly TriageLauncher _launcher;

    public TriageLauncherTests() =>
        _launcher = new TriageLauncher(
            InternalRegistryOnly.Parser(), Runners.Create(Runners.AllFine(), _store), _queue, new FakeTimeProvider());

    [Fact]
    public async Task Launch_WithRoom_OpensTheInvestigationAndQueuesIt()
    {
        var result = await _launcher.LaunchAsync(new TriageRequest(Ref, "U1", "test"), default);

        Assert.True(result.Accepted);
        Assert.Equal(result.InvestigationId, Assert.Single(await _store.ListUnfinishedAsync(default)).Id);
        Assert.Equal(result.InvestigationId, await FirstQueuedAsync());
    }

    [Fact]
    public async Task Launch_QueueFull_IsRefusedBusyAndOpensNothingToResume()
    {
        Fill(TriageQueue.Capacity);

        var result = await _launcher.LaunchAsync(new TriageRequest(Ref, "U1", "test"), default);

        Assert.Equal("busy", result.Rejection);
        Assert.Empty(_store.Saves);
        Assert.Empty(await _store.ListUnfinishedAsync(default));
    }

    [Fact]
    public async Task Launch_AfterTheWorkerTookOne_HasRoomAgain()
    {
        Fill(TriageQueue.Capacity);
        await FirstQueuedAsync();

        var result = await _launcher.LaunchAsync(new TriageRequest(Ref, "U1", "test"), default);

        Assert.True(result.Accepted);
        Assert.False(_queue.TryEnqueue("one-too-many"));
    }

    [Fact]
    public async Task Launch_OpenFails_GivesItsPlaceBack()
    {
        Fill(TriageQueue.Capacity - 1);
        _store.FailSaves = true;

        await Assert.ThrowsAsync<IOException>(
            () => _launcher.LaunchAsync(new TriageRequest(Ref, "U1", "test"), default));

        Assert.True(_queue.TryEnqueue("the-last-place"));
        Assert.False(_queue.TryEnqueue("one-too-many"));
    }

    [Fact]
    public void Slot_UsedOnce_CannotBeUsedAgainNorGivenBack()
    {
        Fill(TriageQueue.Capacity - 1);
        var slot = _queue.TryReserve()!;

        slot.Enqueue("inv-1");
        slot.Dispose();

        Assert.Throws<InvalidOperationException>(() => slot.Enqueue("inv-2"));
        Assert.Null(_queue.TryReserve());
    }

    private void Fill(int count)
    {
        for (var i = 0; i < count; i++)
            Assert.True(_queue.TryEnqueue($"waiting-{i}"));
    }

    private async Task<string> FirstQueuedAsync()
    {
        await foreach (var id in _queue.ReadAllAsync(default))
            return id;
        throw new InvalidOperationException("The queue ended.");
    }
}

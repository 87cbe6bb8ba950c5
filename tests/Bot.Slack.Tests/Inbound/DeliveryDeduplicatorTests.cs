using Bot.Slack.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests.Inbound;

public sealed class DeliveryDeduplicatorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Repeat_WithinMemory_IsNotAFirstDelivery()
    {
        var deliveries = new DeliveryDeduplicator(_time);

        Assert.True(deliveries.TryFirstDelivery("env-1"));
        _time.Advance(DeliveryDeduplicator.Memory - TimeSpan.FromSeconds(1));

        Assert.False(deliveries.TryFirstDelivery("env-1"));
    }

    [Fact]
    public void Forgotten_AfterAFailedHandling_CountsAsFirstAgain()
    {
        var deliveries = new DeliveryDeduplicator(_time);
        Assert.True(deliveries.TryFirstDelivery("env-1"));

        deliveries.Forget("env-1");

        Assert.True(deliveries.TryFirstDelivery("env-1"));
        Assert.False(deliveries.TryFirstDelivery("env-1"));
    }

    [Fact]
    public void Forgotten_ThenSeenAgain_IsRememberedForItsOwnFullMemory()
    {
        var deliveries = new DeliveryDeduplicator(_time);
        deliveries.TryFirstDelivery("env-1");
        deliveries.Forget("env-1");
        _time.Advance(TimeSpan.FromMinutes(5));
        deliveries.TryFirstDelivery("env-1");

        // The first sighting's memory has run out, the second's has not.
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.False(deliveries.TryFirstDelivery("env-1"));
    }
}

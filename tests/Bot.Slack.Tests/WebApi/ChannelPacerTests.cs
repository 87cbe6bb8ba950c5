using Bot.Slack.Tests.Support;
using Bot.Slack.WebApi;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests.WebApi;

public sealed class ChannelPacerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WaitTurn_BurstThenMore_LetsTheBurstGoAndPacesTheRest()
    {
        var pacer = CreateSut(burst: 3);

        var burst = Enumerable.Range(0, 3).Select(_ => pacer.WaitTurnAsync("C1", default)).ToList();
        var fourth = pacer.WaitTurnAsync("C1", default);
        var fifth = pacer.WaitTurnAsync("C1", default);

        Assert.All(burst, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await fourth;
        Assert.False(fifth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await fifth;
    }

    [Fact]
    public void WaitTurn_OtherChannel_IsNotHeldUp()
    {
        var pacer = CreateSut(burst: 1);

        var first = pacer.WaitTurnAsync("C1", default);
        var sameChannel = pacer.WaitTurnAsync("C1", default);
        var otherChannel = pacer.WaitTurnAsync("C2", default);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(sameChannel.IsCompleted);
        Assert.True(otherChannel.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitTurn_AfterAQuietSpell_AllowsAFullBurstAgain()
    {
        var pacer = CreateSut(burst: 2);
        _ = pacer.WaitTurnAsync("C1", default);
        _ = pacer.WaitTurnAsync("C1", default);

        _time.Advance(TimeSpan.FromSeconds(10));
        var again = new[] { pacer.WaitTurnAsync("C1", default), pacer.WaitTurnAsync("C1", default) };

        Assert.All(again, t => Assert.True(t.IsCompletedSuccessfully));
    }

    private ChannelPacer CreateSut(int burst) =>
        new(new Options<SlackOptions>(new SlackOptions { PostInterval = TimeSpan.FromSeconds(1),
            PostBurst = burst }), _time);
}

namespace Bot.Slack.Tests.Support;

/// <summary>Waits for background work (bounded); the assertion after it says what was expected.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
                return false;
            await Task.Delay(20);
        }

        return true;
    }
}

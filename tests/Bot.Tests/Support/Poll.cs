namespace Bot.Tests.Support;

/// <summary>Waits for something another process or a background worker does, up to a generous limit.</summary>
internal static class Poll
{
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
                return false;
            await Task.Delay(100, CancellationToken.None);
        }

        return true;
    }
}

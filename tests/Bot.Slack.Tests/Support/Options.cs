using Microsoft.Extensions.Options;

namespace Bot.Slack.Tests.Support;

/// <summary>A fixed <see cref="IOptionsMonitor{T}"/> for unit tests.</summary>
internal sealed class Options<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

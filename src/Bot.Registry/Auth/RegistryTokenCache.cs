using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Bot.Registry.Auth;

/// <summary>
/// Credentials that worked, per registry and scope, until they expire. A singleton: the handlers
/// that use it are pooled and recycled by IHttpClientFactory, the tokens must outlive them.
/// </summary>
public sealed class RegistryTokenCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Registry, string Scope), Entry> _entries = new();

    public AuthenticationHeaderValue? Find(string registry, string scope)
    {
        if (!_entries.TryGetValue((registry, scope), out var entry))
            return null;

        if (entry.ExpiresAt > time.GetUtcNow())
            return entry.Credential;

        _entries.TryRemove(new KeyValuePair<(string, string), Entry>((registry, scope), entry));
        return null;
    }

    public void Store(string registry, string scope, AuthenticationHeaderValue credential, TimeSpan lifetime) =>
        _entries[(registry, scope)] = new Entry(credential, time.GetUtcNow() + lifetime);

    public void Forget(string registry, string scope) => _entries.TryRemove((registry, scope), out _);

    private sealed record Entry(AuthenticationHeaderValue Credential, DateTimeOffset ExpiresAt);
}

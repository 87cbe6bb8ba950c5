using Bot.Registry.Manifests;

namespace Bot.Registry.Tests.Lab;

/// <summary>A lab registry with a cache pushed while open, then restarted behind token auth.</summary>
public sealed class TokenAuthFixture : IAsyncLifetime
{
    public const string Username = "triage-bot";
    public const string Password = "lab-password-1";

    private readonly LabRegistryFixture _lab = new();

    public LabTokenServer Tokens { get; } = new(Username, Password);

    public PushedCache Cache { get; private set; } = null!;

    public Uri BaseUri => _lab.Registry.BaseUri;

    public string RegistryLog => File.ReadAllText(_lab.Registry.LogPath);

    public async Task InitializeAsync()
    {
        await _lab.InitializeAsync();
        Cache = await _lab.PushCacheAsync("guarded", ManifestKinds.CacheIndex);

        var bundle = Path.Combine(_lab.Settings.WorkDirectory, "token-bundle.pem");
        await File.WriteAllTextAsync(bundle, Tokens.CertificatePem);
        var withTokens = _lab.Settings with { AuthYaml = Tokens.AuthYaml(bundle) };
        await _lab.Registry.RestartAsync(withTokens, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _lab.DisposeAsync();
        await Tokens.DisposeAsync();
    }
}

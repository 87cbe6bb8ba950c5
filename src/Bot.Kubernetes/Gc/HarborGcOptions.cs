namespace Bot.Kubernetes.Gc;

/// <summary>Harbor's API; the account needs to read GC history (system admin in Harbor).</summary>
public sealed class HarborGcOptions
{
    public Uri? BaseUrl { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Bot.Lab.Hosting;

namespace Bot.Registry.Tests.Lab;

/// <summary>
/// A token service for distribution's <c>auth: token:</c>: checks Basic credentials and issues an
/// ES256 JWT whose <c>x5c</c> header carries a self-signed certificate. 2.8 verifies the chain
/// against <c>rootcertbundle</c>, so listing that same certificate there is all the trust it needs.
/// </summary>
public sealed class LabTokenServer : IAsyncDisposable
{
    public const string Service = "lab-registry";
    public const string Issuer = "lab-token-issuer";

    private readonly HttpListener _listener = new();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _certificate;
    private readonly string _username;
    private readonly string _password;
    private readonly Task _serving;
    private int _issued;

    public LabTokenServer(string username, string password)
    {
        _username = username;
        _password = password;
        var request = new CertificateRequest("CN=lab-token-issuer", _key, HashAlgorithmName.SHA256);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var port = FreePort.Next();
        Realm = new Uri($"http://127.0.0.1:{port}/token");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Realm { get; }

    public int TokensIssued => Volatile.Read(ref _issued);

    public string CertificatePem => _certificate.ExportCertificatePem();

    /// <summary>The YAML under <c>auth:</c> for a registry that trusts this server.</summary>
    public string AuthYaml(string bundlePath) => $"""
          token:
            realm: {Realm}
            service: {Service}
            issuer: {Issuer}
            rootcertbundle: {bundlePath}
        """;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
            // Stopping the listener ends the pending GetContextAsync this way.
        }
        catch (ObjectDisposedException)
        {
        }

        _certificate.Dispose();
        _key.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            var response = context.Response;
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_username}:{_password}"));
            if (context.Request.Headers["Authorization"] != expected)
            {
                response.StatusCode = 401;
                response.Close();
                continue;
            }

            var scope = context.Request.QueryString["scope"];
            var body = JsonSerializer.SerializeToUtf8Bytes(new { token = Issue(scope), expires_in = 300 });
            Interlocked.Increment(ref _issued);
            response.ContentType = "application/json";
            response.Close(body, willBlock: false);
        }
    }

    private string Issue(string? scope)
    {
        var access = new List<object>();
        if (scope?.Split(':') is [var type, var name, var actions])
            access.Add(new { type, name, actions = actions.Split(',') });

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { typ = "JWT", alg = "ES256", x5c = new[] { Convert.ToBase64String(_certificate.RawData) } };
        var claims = new
        {
            iss = Issuer, sub = _username, aud = Service, exp = now + 300, nbf = now - 30, iat = now,
            jti = Guid.NewGuid().ToString("N"), access,
        };

        var signingInput =
            Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." +
            Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

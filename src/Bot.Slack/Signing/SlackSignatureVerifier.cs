using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Signing;

/// <summary>
/// Checks Slack's request signature: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c>, keyed with
/// the signing secret, compared in constant time, with a five-minute window in both directions.
/// Works on the raw bytes, before anything is parsed, so a re-encoding can never change the verdict.
/// </summary>
public sealed class SlackSignatureVerifier(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>Slack's replay window: older or newer than this and the request is refused.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private const string Version = "v0";

    public SignatureVerdict Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
            return SignatureVerdict.MissingHeader;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SignatureVerdict.MalformedTimestamp;

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > Window.TotalSeconds)
            return SignatureVerdict.OutsideWindow;

        var current = options.CurrentValue;
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return Matches(current.SigningSecret, timestamp, body, given) ||
               Matches(current.PreviousSigningSecret, timestamp, body, given)
            ? SignatureVerdict.Valid
            : SignatureVerdict.Mismatch;
    }

    /// <summary>The signature Slack would send for this body; tests and the bench sign with it.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var basePrefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var signed = new byte[basePrefix.Length + body.Length];
        basePrefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(basePrefix.Length));

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"{Version}={Convert.ToHexStringLower(mac)}";
    }

    private static bool Matches(string secret, string timestamp, ReadOnlySpan<byte> body, byte[] given)
    {
        // An empty secret would let anyone sign; the previous secret is usually empty.
        if (string.IsNullOrEmpty(secret))
            return false;

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

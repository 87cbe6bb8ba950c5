using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Tests.Support;

/// <summary>
/// A request signed the way Slack signs one, written out from Slack's recipe rather than taken
/// from the adapter, so a test does not trust the code it tests.
/// </summary>
internal static class SignedSlackRequest
{
    public static HttpRequestMessage Form(string path, string body, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));

        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }

    /// <summary>A <c>/triage</c> slash command's form, as Slack posts it.</summary>
    public static string TriageForm(string text) =>
        "team_id=T1&channel_id=C0ASKED&user_id=U0ONCALL&command=%2Ftriage&text=" + Uri.EscapeDataString(text) +
        "&response_url=" + Uri.EscapeDataString("https://hooks.slack.com/commands/T1/1/x") + "&trigger_id=1.2.3";
}

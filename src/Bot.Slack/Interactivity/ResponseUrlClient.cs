using System.Text;
using Bot.Slack.Inbound;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Interactivity;

/// <summary>
/// Posts to a payload's <c>response_url</c>. Only <c>https://hooks.slack.com/</c> is accepted, and
/// the bot token is never attached: the URL itself is the credential.
/// </summary>
public sealed class ResponseUrlClient(IHttpClientFactory httpClients, ILogger<ResponseUrlClient> logger)
{
    public const string AllowedHost = "hooks.slack.com";

    /// <summary>A client of its own: no default headers, so no token can ride along by accident.</summary>
    public const string HttpClientName = "slack-response-url";

    public static bool IsAllowed(string? responseUrl) =>
        Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) &&
        uri.Scheme == Uri.UriSchemeHttps &&
        uri.Host.Equals(AllowedHost, StringComparison.OrdinalIgnoreCase) &&
        uri.IsDefaultPort &&
        string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>Posts the reply; false when the URL is not Slack's or Slack did not take it.</summary>
    public async Task<bool> TryPostAsync(string? responseUrl, SlackReply reply, CancellationToken cancellationToken)
    {
        if (!IsAllowed(responseUrl))
        {
            var host = Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) ? uri.Host : "none";
            SlackLog.ResponseUrlRefused(logger, host);
            return false;
        }

        using var content = new StringContent(
            SlackJson.Serialize(reply.ToBody(replaceOriginal: false)), Encoding.UTF8, "application/json");
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsync(new Uri(responseUrl!), content, cancellationToken);
        if (response.IsSuccessStatusCode)
            return true;

        SlackLog.ResponseUrlFailed(logger, (int)response.StatusCode);
        return false;
    }
}

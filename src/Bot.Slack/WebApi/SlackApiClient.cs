using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.WebApi;

/// <summary>
/// The Web API methods the bot uses, over one <see cref="HttpClient"/>. Tokens travel only in the
/// <c>Authorization</c> header. <c>ok:false</c> and anything that is not Slack's JSON become a
/// <see cref="SlackApiException"/>. A 429 is waited out (its <c>Retry-After</c>, in seconds or as
/// an HTTP date on the injected clock) at most
/// <see cref="MaxRateLimitRetries"/> times within <see cref="SlackOptions.RateLimitBudget"/>;
/// nothing else is retried, because a repeated <c>chat.postMessage</c> posts twice.
/// </summary>
public sealed class SlackApiClient(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SlackOptions> options,
    ChannelPacer pacer,
    TimeProvider time,
    ILogger<SlackApiClient> logger)
{
    public const int MaxRateLimitRetries = 3;

    /// <summary>The named <see cref="HttpClient"/> the calls go through; tests swap its handler.</summary>
    public const string HttpClientName = "slack-web-api";

    /// <summary>Slack once answered 429 with no <c>Retry-After</c>; then we wait 1 to 5 s.</summary>
    private static readonly TimeSpan DefaultRetryAfterMin = TimeSpan.FromSeconds(1);

    public async Task<PostedMessage> PostMessageAsync(
        string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(channel, cancellationToken);
        var body = new PostMessageArgs(channel, message.Text, message.Blocks, threadTs, UnfurlLinks: false);
        var answer = await CallJsonAsync("chat.postMessage", body, cancellationToken);
        return new PostedMessage(answer.StringField("channel") ?? channel, Required(answer, "chat.postMessage", "ts"));
    }

    public async Task UpdateMessageAsync(
        string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(channel, cancellationToken);
        var body = new UpdateArgs(channel, ts, message.Text, message.Blocks);
        await CallJsonAsync("chat.update", body, cancellationToken);
    }

    /// <summary>Shows a message to one user in a channel; Slack delivers it only if they are active there.</summary>
    public async Task<string> PostEphemeralAsync(
        string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        var answer = await CallJsonAsync(
            "chat.postEphemeral", new EphemeralArgs(channel, user, message.Text, message.Blocks), cancellationToken);
        return Required(answer, "chat.postEphemeral", "message_ts");
    }

    public async Task<SlackUserInfo> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var answer = await CallFormAsync("users.info", [new("user", userId)], BotToken, cancellationToken);
        return Field<SlackUserInfo>(answer, "users.info", "user");
    }

    public async Task<IReadOnlyList<string>> ListUsergroupUsersAsync(
        string usergroupId, CancellationToken cancellationToken)
    {
        var answer = await CallFormAsync(
            "usergroups.users.list", [new("usergroup", usergroupId)], BotToken, cancellationToken);
        return Field<List<string>>(answer, "usergroups.users.list", "users");
    }

    /// <summary>A fresh Socket Mode URL; takes the app-level token, never the bot token.</summary>
    public async Task<Uri> OpenSocketModeConnectionAsync(CancellationToken cancellationToken)
    {
        var answer = await CallFormAsync("apps.connections.open", [], options.CurrentValue.AppToken, cancellationToken);
        var url = Required(answer, "apps.connections.open", "url");
        // Plain ws:// only for a stand-in on this machine; Slack's URLs are always wss://.
        var usable = Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
            (uri.Scheme == "wss" || (uri.Scheme == "ws" && uri.IsLoopback));
        return usable
            ? uri!
            : throw new SlackApiException("apps.connections.open", SlackApiException.InvalidResponse);
    }

    /// <summary>Any other write method, with JSON arguments, beside the typed ones above.</summary>
    public async Task<SlackApiAnswer> CallAsync(string method, object arguments, CancellationToken cancellationToken)
    {
        var answer = await CallJsonAsync(method, arguments, cancellationToken);
        return new SlackApiAnswer(answer.Fields, NullIfEmpty(answer.ResponseMetadata?.NextCursor), answer.Warning);
    }

    private string BotToken => options.CurrentValue.BotToken;

    private Task<ApiEnvelope> CallJsonAsync(string method, object arguments, CancellationToken cancellationToken) =>
        SendAsync(method, BotToken, () =>
            new StringContent(SlackJson.Serialize(arguments), Encoding.UTF8, "application/json"), cancellationToken);

    private Task<ApiEnvelope> CallFormAsync(
        string method, KeyValuePair<string, string>[] arguments, string token, CancellationToken cancellationToken) =>
        SendAsync(method, token, () => new FormUrlEncodedContent(arguments), cancellationToken);

    private async Task<ApiEnvelope> SendAsync(
        string method, string token, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 0; ; attempt++)
        {
            var url = new Uri(options.CurrentValue.ApiBaseUrl, method);
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = content();

            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
                return await ReadEnvelopeAsync(method, response, cancellationToken);

            var delay = RetryDelay(response);
            if (attempt >= MaxRateLimitRetries || waited + delay > options.CurrentValue.RateLimitBudget)
            {
                SlackLog.ApiFailed(logger, method, SlackRateLimitedException.ErrorCode);
                throw new SlackRateLimitedException(method, delay);
            }

            SlackLog.RateLimited(logger, method, attempt + 1, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
            waited += delay;
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is TimeSpan delta)
            return delta;

        // HTTP also allows a date; it is measured against our clock, and a date already past means now.
        if (response.Headers.RetryAfter?.Date is DateTimeOffset date)
            return date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero;

        if (response.Headers.TryGetValues("Retry-After", out var values) &&
            int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);

        // No header: spread the retries so several callers do not all come back at once.
        return DefaultRetryAfterMin + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 4000));
    }

    private async Task<ApiEnvelope> ReadEnvelopeAsync(
        string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ApiEnvelope? envelope = null;
        try
        {
            envelope = SlackJson.Deserialize<ApiEnvelope>(text);
        }
        catch (JsonException)
        {
            // An HTML outage page or an empty body: reported below as invalid_response, never as success.
        }

        if (envelope?.Ok is not bool ok)
        {
            var error = response.IsSuccessStatusCode
                ? SlackApiException.InvalidResponse
                : $"http_{(int)response.StatusCode}";
            SlackLog.ApiFailed(logger, method, error);
            throw new SlackApiException(method, error);
        }

        if (!ok)
        {
            var error = envelope.Error ?? "unknown_error";
            SlackLog.ApiFailed(logger, method, error);
            throw new SlackApiException(
                method, error, envelope.Needed, envelope.Provided, envelope.ResponseMetadata?.Messages);
        }

        if (envelope.Warning is not null)
            SlackLog.ApiWarning(logger, method, envelope.Warning);
        return envelope;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Required(ApiEnvelope answer, string method, string field) =>
        answer.StringField(field) ?? throw new SlackApiException(method, SlackApiException.InvalidResponse);

    private static T Field<T>(ApiEnvelope answer, string method, string field)
    {
        try
        {
            return answer.Fields.TryGetValue(field, out var value) && SlackJson.Deserialize<T>(value) is T typed
                ? typed
                : throw new SlackApiException(method, SlackApiException.InvalidResponse);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, SlackApiException.InvalidResponse);
        }
    }

    private sealed record PostMessageArgs(
        string Channel, string Text, IReadOnlyList<Blocks.Block>? Blocks, string? ThreadTs, bool UnfurlLinks);

    private sealed record UpdateArgs(string Channel, string Ts, string Text, IReadOnlyList<Blocks.Block>? Blocks);

    private sealed record EphemeralArgs(string Channel, string User, string Text, IReadOnlyList<Blocks.Block>? Blocks);
}

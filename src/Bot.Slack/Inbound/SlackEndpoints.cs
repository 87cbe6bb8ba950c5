using System.Text;
using System.Text.Json;
using Bot.Slack.Events;
using Bot.Slack.Interactivity;
using Bot.Slack.Signing;
using Bot.Slack.SlashCommands;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Inbound;

/// <summary>
/// The HTTP side: every request is read as bytes, its signature checked, and only then parsed
/// and handed to the dispatcher. Reads validate → parse → dispatch, and refuses early.
/// </summary>
internal sealed class SlackEndpoints(
    SlackSignatureVerifier verifier,
    SignatureReplayGuard replays,
    SlackDispatcher dispatcher,
    ILogger<SlackEndpoints> logger)
{
    public async Task<IResult> CommandsAsync(HttpContext context)
    {
        var (form, refusal) = await ReadSignedFormAsync(context);
        if (form is null)
            return refusal!;

        if (form.GetValueOrDefault("ssl_check") == "1")
        {
            SlackLog.SslCheck(logger);
            return Results.Ok();
        }

        var command = SlashCommand.FromForm(form);
        if (command is null)
            return Malformed(context, "not a slash command");

        var reply = await dispatcher.DispatchCommandAsync(command, SlackTransport.Http, context.RequestAborted);
        return Results.Json(reply.ToBody(), SlackJson.Options);
    }

    public async Task<IResult> InteractivityAsync(HttpContext context)
    {
        var (form, refusal) = await ReadSignedFormAsync(context);
        if (form is null)
            return refusal!;

        if (form.GetValueOrDefault("ssl_check") == "1")
        {
            SlackLog.SslCheck(logger);
            return Results.Ok();
        }

        if (!form.TryGetValue("payload", out var json) || !TryRead<InteractionPayload>(json, out var payload))
            return Malformed(context, "no readable payload field");
        if (string.IsNullOrEmpty(payload.User.Id))
            return Malformed(context, "payload without a user");

        await dispatcher.DispatchInteractionAsync(payload, SlackTransport.Http, context.RequestAborted);
        return Results.Ok();
    }

    public async Task<IResult> EventsAsync(HttpContext context)
    {
        // Events are deduplicated by event_id instead: a retry must still get its 200, or Slack
        // keeps retrying and in the end disables the subscription.
        var (body, refusal) = await ReadSignedAsync(context, refuseReplays: false);
        if (body is null)
            return refusal!;

        if (!TryRead<EventsApiRequest>(Encoding.UTF8.GetString(body), out var request))
            return Malformed(context, "body is not an Events API request");

        switch (request)
        {
            case UrlVerification check:
                return Results.Text(check.Challenge, "text/plain", Encoding.UTF8);
            case EventCallback callback when !string.IsNullOrEmpty(callback.EventId):
                // Not taken (the work queue is full): a 503 makes Slack deliver it again later.
                return dispatcher.DispatchEvent(callback)
                    ? Results.Ok()
                    : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                return Malformed(context, "unknown Events API request type");
        }
    }

    private async Task<(Dictionary<string, string>? Form, IResult? Refusal)> ReadSignedFormAsync(HttpContext context)
    {
        var (body, refusal) = await ReadSignedAsync(context, refuseReplays: true);
        return body is null ? (null, refusal) : (SlackRequestBody.ParseForm(body), null);
    }

    /// <summary>
    /// Reads the body within its size limit and checks its signature. With
    /// <paramref name="refuseReplays"/>, the same signed bytes a second time are refused like a
    /// forgery: commands and clicks have no documented retry, so a repeat is a replay.
    /// </summary>
    private async Task<(byte[]? Body, IResult? Refusal)> ReadSignedAsync(HttpContext context, bool refuseReplays)
    {
        var path = context.Request.Path.Value ?? "";
        var body = await SlackRequestBody.ReadAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            SlackLog.BodyTooLarge(logger, path, SlackRequestBody.MaxBytes);
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var headers = context.Request.Headers;
        string? signature = headers[SlackSignatureVerifier.SignatureHeader];
        var verdict = verifier.Verify(headers[SlackSignatureVerifier.TimestampHeader], signature, body);
        if (verdict == SignatureVerdict.Valid && refuseReplays && !replays.TryFirstUse(signature!))
            verdict = SignatureVerdict.Replayed;

        if (verdict != SignatureVerdict.Valid)
        {
            SlackLog.SignatureRefused(logger, path, verdict);
            return (null, Results.StatusCode(StatusCodes.Status401Unauthorized));
        }

        return (body, null);
    }

    private IResult Malformed(HttpContext context, string problem)
    {
        SlackLog.MalformedRequest(logger, context.Request.Path.Value ?? "", problem);
        return Results.BadRequest();
    }

    private static bool TryRead<T>(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class
    {
        try
        {
            value = SlackJson.Deserialize<T>(json);
            return value is not null;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }
}

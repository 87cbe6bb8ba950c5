namespace Bot.Slack.SlashCommands;

/// <summary>
/// A slash command as Slack sends it: a form over HTTP, a JSON object over Socket Mode, the same
/// fields either way. Route and authorise on the ids; names are display only. The deprecated
/// verification <c>token</c> is deliberately not read.
/// </summary>
public sealed record SlashCommand
{
    public string Command { get; init; } = "";

    /// <summary>Everything after the command, with users, channels and links in Slack's escaped forms.</summary>
    public string Text { get; init; } = "";

    public string UserId { get; init; } = "";

    public string ChannelId { get; init; } = "";

    public string TeamId { get; init; } = "";

    public string? EnterpriseId { get; init; }

    public string? ApiAppId { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public string? UserName { get; init; }

    public string? ChannelName { get; init; }

    public string? TeamDomain { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    /// <summary>Reads the form fields of an HTTP slash command; null when the form is not a command.</summary>
    public static SlashCommand? FromForm(IReadOnlyDictionary<string, string> form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) ? value : null;

        var command = Field("command");
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(Field("user_id")))
            return null;

        return new SlashCommand
        {
            Command = command,
            Text = Field("text") ?? "",
            UserId = Field("user_id")!,
            ChannelId = Field("channel_id") ?? "",
            TeamId = Field("team_id") ?? "",
            EnterpriseId = NullIfEmpty(Field("enterprise_id")),
            ApiAppId = NullIfEmpty(Field("api_app_id")),
            ResponseUrl = NullIfEmpty(Field("response_url")),
            TriggerId = NullIfEmpty(Field("trigger_id")),
            UserName = NullIfEmpty(Field("user_name")),
            ChannelName = NullIfEmpty(Field("channel_name")),
            TeamDomain = NullIfEmpty(Field("team_domain")),
            IsEnterpriseInstall = Field("is_enterprise_install") == "true",
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

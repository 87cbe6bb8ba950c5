namespace Bot.Slack.Blocks;

/// <summary>A Block Kit text object: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
public sealed record TextObject
{
    public string Type { get; init; } = PlainTextType;

    public string Text { get; init; } = "";

    public bool? Emoji { get; init; }

    internal const string PlainTextType = "plain_text";
    internal const string MrkdwnType = "mrkdwn";

    public static TextObject Plain(string text) => new() { Type = PlainTextType, Text = text };

    public static TextObject Mrkdwn(string text) => new() { Type = MrkdwnType, Text = text };
}

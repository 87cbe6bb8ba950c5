using Bot.Slack.SlashCommands;

namespace Bot.Slack.SocketMode;

/// <summary>A slash command over the socket: the same fields as the HTTP form, as JSON.</summary>
public sealed class SlashCommandsEnvelope : SocketFrame
{
    public SlashCommand Payload { get; init; } = new();
}

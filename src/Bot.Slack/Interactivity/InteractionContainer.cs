namespace Bot.Slack.Interactivity;

/// <summary>Where the clicked element lives. An ephemeral container cannot be edited with <c>chat.update</c>.</summary>
public sealed record InteractionContainer
{
    public string Type { get; init; } = "";

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public bool IsEphemeral { get; init; }

    public int? AttachmentId { get; init; }

    public bool? IsAppUnfurl { get; init; }
}

using Bot.Slack.Blocks;

namespace Bot.Slack.Inbound;

/// <summary>
/// A message sent back to the person who asked: the body of an acknowledgement, a
/// <c>response_url</c> post, or the payload of a Socket Mode ack. Ephemeral unless said otherwise;
/// always with plain text, which notifications and screen readers use.
/// </summary>
public sealed record SlackReply(string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }

    public bool InChannel { get; init; }

    /// <summary>The JSON shape Slack expects for a reply (<c>response_type</c> always set explicitly).</summary>
    internal ReplyBody ToBody(bool? replaceOriginal = null) =>
        new(InChannel ? "in_channel" : "ephemeral", BlockLimits.Fit(Text, BlockLimits.TopLevelText), Blocks,
            replaceOriginal);

    internal sealed record ReplyBody(
        string ResponseType, string Text, IReadOnlyList<Block>? Blocks, bool? ReplaceOriginal);
}

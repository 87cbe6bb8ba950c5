namespace Bot.Slack.Blocks;

/// <summary>"Are you sure?" before a button acts. Title 100, text 300, confirm and deny 30 characters.</summary>
public sealed record ConfirmDialog(TextObject Title, TextObject Text, TextObject Confirm, TextObject Deny)
{
    public string? Style { get; init; }
}

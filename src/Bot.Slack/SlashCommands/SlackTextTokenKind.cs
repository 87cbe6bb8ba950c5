namespace Bot.Slack.SlashCommands;

public enum SlackTextTokenKind
{
    Plain,
    User,
    Channel,
    Usergroup,
    Link,
}

using Bot.Slack.SlashCommands;

namespace Bot.Slack.Tests.Inbound;

public sealed class SlackTextTests
{
    [Fact]
    public void Tokenize_EscapedUserChannelAndLink_ReadsIdsAndUrl()
    {
        var tokens = SlackText.Tokenize(
            "<@U024BE7LH|bob> <#C024BE7LR|general> <https://ci.example/runs/1|run 1> plain");

        Assert.Equal(
            [
                new SlackTextToken(SlackTextTokenKind.User, "U024BE7LH", "bob"),
                new SlackTextToken(SlackTextTokenKind.Channel, "C024BE7LR", "general"),
                new SlackTextToken(SlackTextTokenKind.Link, "https://ci.example/runs/1", "run 1"),
                new SlackTextToken(SlackTextTokenKind.Plain, "plain"),
            ],
            tokens);
    }

    [Fact]
    public void Tokenize_PrivateChannelWithEmptyName_HasNoLabel()
    {
        var token = Assert.Single(SlackText.Tokenize("<#G0PRIVATE|>"));

        Assert.Equal(new SlackTextToken(SlackTextTokenKind.Channel, "G0PRIVATE"), token);
    }

    [Fact]
    public void Tokenize_UsergroupAndBareLink_AreRecognised()
    {
        var tokens = SlackText.Tokenize("<!subteam^S0OPS|@ops> <https://x.example/a?b=1&amp;c=2>");

        Assert.Equal(new SlackTextToken(SlackTextTokenKind.Usergroup, "S0OPS", "@ops"), tokens[0]);
        Assert.Equal(new SlackTextToken(SlackTextTokenKind.Link, "https://x.example/a?b=1&c=2"), tokens[1]);
    }

    [Fact]
    public void Tokenize_HtmlEntitiesInPlainText_AreDecoded()
    {
        var token = Assert.Single(SlackText.Tokenize("a&lt;b&gt;&amp;c"));

        Assert.Equal("a<b>&c", token.Value);
    }

    [Fact]
    public void Tokenize_EmptyOrWhitespace_HasNoWords()
    {
        Assert.Empty(SlackText.Tokenize("   "));
        Assert.Empty(SlackText.Tokenize(null));
    }

    [Fact]
    public void Escape_MentionLikeText_CannotPing()
    {
        var escaped = SlackText.Escape("<!channel> & <@U1>");

        Assert.Equal("&lt;!channel&gt; &amp; &lt;@U1&gt;", escaped);
    }
}

using System.Reflection;
using Bot.Core.Diagnosis;
using Bot.Slack.Interactivity;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Tests.Inbound;

/// <summary>Rules checked over the whole adapter by reflection, so a new member cannot forget them.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Adapter = typeof(SlackOptions).Assembly;

    [Fact]
    public void LogEvents_AllInTheSlackRangeAndUnique()
    {
        var ids = Adapter.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => a.EventId)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.InRange(id, 6000, 6099));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void FixButtons_EveryFixKindHasAnActionIdAndAButtonPrompt()
    {
        var kinds = Enum.GetValues<FixKind>();

        var actionIds = kinds.Select(FixButtons.ActionId).ToList();

        Assert.Equal(kinds.Length, actionIds.Distinct().Count());
        Assert.All(actionIds, id => Assert.True(id.Length <= 255));
        Assert.All(kinds, k => Assert.Contains(SlackPrompts.FixButton(k), SlackPrompts.Keys));
        Assert.All(kinds, k => Assert.True(
            FixButtons.TryParseValue(FixButtons.Value("inv-0123", k), out var id, out var parsed) &&
            id == "inv-0123" && parsed == k));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("inv-1")]
    [InlineData("|delete-cache-manifest")]
    [InlineData("inv-1|drop-database")]
    public void FixButtons_ValueNotOurs_IsRefused(string? value)
    {
        Assert.False(FixButtons.TryParseValue(value, out _, out _));
    }
}

using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Conventions;

public class LogEventIdTests
{
    /// <summary>
    /// Log lines are found by their event id; two lines sharing one would send an operator to the
    /// wrong place. Every [LoggerMessage] in the bot's assemblies must have its own.
    /// </summary>
    [Fact]
    public void LoggerMessages_AcrossTheBot_HaveUniqueEventIds()
    {
        var messages = BotAssemblies()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(m => (
                Method: $"{m.DeclaringType!.FullName}.{m.Name}",
                Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}")
            .ToList();

        Assert.True(messages.Count > 20, "Expected the bot's log messages to be found by reflection.");
        Assert.Empty(shared);
    }

    private static readonly string[] AssemblyNames =
        ["Bot", "Bot.Core", "Bot.Storage", "Bot.GitHub", "Bot.Registry", "Bot.Kubernetes", "Bot.Slack", "Bot.Lab"];

    private static IEnumerable<Assembly> BotAssemblies() =>
        AssemblyNames.Select(name => Assembly.Load(new AssemblyName(name)));
}

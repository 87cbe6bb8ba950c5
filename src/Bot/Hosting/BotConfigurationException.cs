namespace Bot.Hosting;

/// <summary>The configuration cannot work; the message names the key and what is wrong with it.</summary>
public sealed class BotConfigurationException(string message) : Exception(message);

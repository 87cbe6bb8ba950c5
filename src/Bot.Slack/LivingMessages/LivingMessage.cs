namespace Bot.Slack.LivingMessages;

/// <summary>Where an investigation's message lives, and how many times it has been rewritten.</summary>
public sealed record LivingMessage(string InvestigationId, string Channel, string Ts, int Revision);

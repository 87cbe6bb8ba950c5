namespace Bot.Lab.Scenarios;

/// <summary>
/// A scenario file the lab cannot use: a YAML error, an unknown key, a bad value, a template that
/// does not render, or an induction that did not produce the intended state. The message names
/// the file, the key and the line.
/// </summary>
public sealed class ScenarioException(string message) : Exception(message);

namespace Bot.GitHub.Tests.Support;

/// <summary>Paths of the files copied next to the test assembly.</summary>
internal static class TestFiles
{
    public static string FixtureLogs => Path.Combine(AppContext.BaseDirectory, "fixtures", "logs");

    public static string FixtureLog(string name) => Path.Combine(FixtureLogs, name);

    public static string SyntheticLog(string name) => Path.Combine(AppContext.BaseDirectory, "SyntheticLogs", name);

    public static string Prompts => Path.Combine(AppContext.BaseDirectory, "prompts");
}

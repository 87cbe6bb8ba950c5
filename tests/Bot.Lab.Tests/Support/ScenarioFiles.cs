using Bot.Lab.Scenarios;

namespace Bot.Lab.Tests.Support;

/// <summary>The repository's scenario files, as copied next to the tests.</summary>
internal static class ScenarioFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static Scenario Load(string name) => ScenarioParser.ParseFile(PathOf(name));

    public static Scenario FromText(string yaml) => ScenarioParser.Parse(new StringReader(yaml), "test.yaml");
}
